import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWebShell } from '../../../electron/web-host/web-shell'
import { memoryLogger } from '../main/test-logger'
import { createTestKiosk, staffPin, useUserDataFolder } from './kiosk-fixture'

const setup = { clinicName: 'Riverside Clinic', staffPin }

const folder = useUserDataFolder('kiosk-backend-')

/** The backend as the web host builds it: the same services, with the browser's shell. */
function browserKiosk() {
  const log = memoryLogger()
  return createTestKiosk(folder(), { shell: createWebShell(log), log })
}

describe('the backend behind a browser', () => {
  it('says it runs in a browser', async () => {
    expect(await browserKiosk().api.getAppInfo()).toEqual({
      name: 'kiosk',
      version: '1.0.0',
      platform: 'browser',
      packaged: true,
    })
  })

  it('allows and counts a print, which the page then prints itself', async () => {
    const { api, services } = browserKiosk()
    expect(await api.printSheet({ sheetId: 'prevention', locale: 'es' })).toEqual({
      ok: true,
      via: 'browser',
    })
    expect((await services.usage.lastDays(1))[0]?.prints).toEqual({ 'prevention/es': 1 })
  })

  it('lists no printers and says a test print is not possible there', async () => {
    const { api } = browserKiosk()
    await api.completeSetup(setup)
    await api.staffSignIn({ pin: staffPin })
    expect(await api.staffListPrinters()).toEqual([])
    expect(await api.staffTestPrint()).toEqual({ ok: false, reason: 'unsupported' })
  })

  it('logs Exit and Restart, which are the browser’s and its supervisor’s to do', async () => {
    const { api, log } = browserKiosk()
    await api.completeSetup(setup)
    await api.staffSignIn({ pin: staffPin })
    await api.staffRestart()
    expect(await api.staffStatus()).toMatchObject({ signedIn: false })
    await api.staffSignIn({ pin: staffPin })
    await api.staffExit()
    expect(log.lines).toContain('info: staff chose Restart: the page reloads with fresh content')
    expect(log.lines).toContain(
      'info: staff chose Exit: a browser kiosk is closed from its computer',
    )
  })
})

describe('the backend’s own flush', () => {
  it('first lets calls under way finish, so nothing they write is cut off', async () => {
    const { invoke, flush, dir } = browserKiosk()
    const saving = invoke('completeSetup', [{ clinicName: 'Riverside Clinic', staffPin }], {
      trusted: true,
      from: 'test',
    })
    await flush()
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      clinicName: 'Riverside Clinic',
    })
    await expect(saving).resolves.toEqual({ ok: true })
  })

  it('writes the counts still waiting in memory, for a host that is about to stop', async () => {
    const { api, flush } = browserKiosk()
    await api.recordUsage({ type: 'visit' })
    await flush()
    const saved = JSON.parse(await readFile(join(folder(), 'usage.json'), 'utf8')) as {
      days: Record<string, { visits: number }>
    }
    expect(Object.values(saved.days).map((day) => day.visits)).toEqual([1])
  })
})
