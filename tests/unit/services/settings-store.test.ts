import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSettingsStore } from '../../../electron/services/settings-store'
import { defaultSettings } from '../../../electron/shared/settings-schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-settings-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('settings store', () => {
  it('uses the defaults when no settings file exists yet', async () => {
    expect(await createSettingsStore({ dir }).get()).toEqual(defaultSettings)
  })

  it('reads valid settings and fills the rest with defaults', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ clinicName: 'Riverside Clinic', emergencyNumber: '112' }),
    )
    const settings = await createSettingsStore({ dir }).get()
    expect(settings.clinicName).toBe('Riverside Clinic')
    expect(settings.emergencyNumber).toBe('112')
    expect(settings.idleTimeoutSeconds).toBe(90)
  })

  it('moves a corrupt file aside, keeps it, and says what was wrong', async () => {
    await writeFile(join(dir, 'settings.json'), '{"clinicName": "Riv')
    const store = createSettingsStore({ dir, now: () => new Date('2026-11-21T10:00:00Z') })
    expect(await store.get()).toEqual(defaultSettings)
    const files = await readdir(dir)
    expect(files).toEqual(['settings.json.invalid-2026-11-21T10-00-00-000Z'])
    expect(await readFile(join(dir, files[0]!), 'utf8')).toBe('{"clinicName": "Riv')
    expect(store.problems()[0]).toMatchObject({ file: 'settings.json', field: '(whole file)' })
    expect(store.problems()[0]?.message).toMatch(/not valid JSON.*moved to/)
  })

  it('moves an invalid file aside and names the bad field', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ idleTimeoutSeconds: 5 }))
    const store = createSettingsStore({ dir })
    expect(await store.get()).toEqual(defaultSettings)
    expect(store.problems()[0]).toMatchObject({ field: 'idleTimeoutSeconds' })
  })
})
