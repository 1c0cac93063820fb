import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSettingsStore } from '../../../electron/services/settings-store'
import { defaultSettings } from '../../../electron/shared/settings-defaults'
import type { Settings } from '../../../electron/shared/settings-schema'

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
    expect(store.problems()).toEqual([
      {
        file: 'settings.json',
        field: '(whole file)',
        code: 'not-json',
        movedTo: join(dir, files[0]!),
        fallback: 'defaults-in-use',
      },
    ])
  })

  it('moves an invalid file aside and names the bad field', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ idleTimeoutSeconds: 5 }))
    const store = createSettingsStore({ dir })
    expect(await store.get()).toEqual(defaultSettings)
    expect(store.problems()).toEqual([
      expect.objectContaining({
        file: 'settings.json',
        field: 'idleTimeoutSeconds',
        code: 'invalid',
        params: expect.objectContaining({ rule: 'too_small', minimum: 30 }),
        fallback: 'defaults-in-use',
      }),
    ])
  })

  it('saves settings whole, and the next read returns them', async () => {
    const store = createSettingsStore({ dir })
    const wanted = { ...defaultSettings, clinicName: 'Riverside Clinic', paperSize: 'A4' as const }
    expect(await store.save(wanted)).toEqual(wanted)
    expect(await store.get()).toEqual(wanted)
    expect(await createSettingsStore({ dir }).get()).toEqual(wanted)
    // Only the settings file: no temporary file is left behind.
    expect(await readdir(dir)).toEqual(['settings.json'])
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual(wanted)
  })

  it('creates the folder it saves into', async () => {
    const nested = join(dir, 'user-data')
    const store = createSettingsStore({ dir: nested })
    await store.save(defaultSettings)
    expect(await readdir(nested)).toEqual(['settings.json'])
  })

  it('refuses to save invalid settings and leaves the file as it was', async () => {
    const store = createSettingsStore({ dir })
    await store.save({ ...defaultSettings, clinicName: 'Riverside Clinic' })
    const before = await readFile(join(dir, 'settings.json'), 'utf8')
    await expect(store.save({ ...defaultSettings, idleTimeoutSeconds: 5 })).rejects.toThrow()
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before)
  })

  it('no longer reports a damaged file once staff save new settings', async () => {
    await writeFile(join(dir, 'settings.json'), 'not json')
    const store = createSettingsStore({ dir })
    await store.get()
    expect(store.problems()).toHaveLength(1)
    await store.save(defaultSettings)
    expect(store.problems()).toEqual([])
  })

  it('lays fields someone else keeps over its own file, unless they would make it invalid', async () => {
    let kept: Partial<Settings> = { clinicName: 'North Clinic' }
    const store = createSettingsStore({ dir, kept: () => kept })
    await store.save({ ...defaultSettings, clinicName: 'Our clinic', printerName: 'Desk' })
    expect(await store.get()).toMatchObject({ clinicName: 'North Clinic', printerName: 'Desk' })
    expect(store.keptFields()).toEqual(['clinicName'])
    kept = { idleTimeoutSeconds: 5 }
    expect((await store.get()).idleTimeoutSeconds).toBe(defaultSettings.idleTimeoutSeconds)
  })
})
