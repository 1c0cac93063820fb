import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { signedInKiosk, staffPin, useUserDataFolder } from '../kiosk-fixture'

const folder = useUserDataFolder('kiosk-app-handlers-')

async function savedVisits(): Promise<number | undefined> {
  const saved = JSON.parse(await readFile(join(folder(), 'usage.json'), 'utf8')) as {
    days: Record<string, { visits: number }>
  }
  return Object.values(saved.days)[0]?.visits
}

describe('closing the kiosk app from staff mode', () => {
  it('saves the usage counts and ends the session before restarting or exiting', async () => {
    const { api, shell } = await signedInKiosk(folder())
    await api.recordUsage({ type: 'visit' })
    shell.restart.mockImplementation(async () => {
      // By the time the host restarts, the counts are on disk.
      expect(await savedVisits()).toBe(1)
    })
    await api.staffRestart()
    expect(shell.restart).toHaveBeenCalledTimes(1)
    expect(await savedVisits()).toBe(1)
    expect(await api.staffStatus()).toMatchObject({ signedIn: false })

    await api.recordUsage({ type: 'visit' })
    await api.staffSignIn({ pin: staffPin })
    await api.staffExit()
    expect(shell.exit).toHaveBeenCalledTimes(1)
    expect(await savedVisits()).toBe(2)
    expect(await api.staffStatus()).toMatchObject({ signedIn: false })
  })

  it('still exits when the counts cannot be saved, and logs why', async () => {
    const { api, shell, log, flush } = await signedInKiosk(folder())
    await api.staffUsage({ days: 1 })
    // Then a folder appears where usage.json should be: the write fails.
    await mkdir(join(folder(), 'usage.json'))
    await writeFile(join(folder(), 'usage.json', 'x'), '')
    await api.recordUsage({ type: 'visit' })
    await api.staffExit()
    expect(shell.exit).toHaveBeenCalledTimes(1)
    expect(log.lines.join('\n')).toContain('could not save the usage counts before closing')
    // Nothing is lost: once the folder is writable again, the counts are saved.
    await rm(join(folder(), 'usage.json'), { recursive: true })
    await flush()
    expect(await savedVisits()).toBe(1)
  })
})
