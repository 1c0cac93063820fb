import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pinFileName } from '../../../../electron/services/pin-store'
import { settingsFileName } from '../../../../electron/services/settings-store'
import { defaultSettings } from '../../../../electron/shared/settings-defaults'
import { auditTrail, shippedSection, signedInKiosk, useUserDataFolder } from '../kiosk-fixture'

const folder = useUserDataFolder('kiosk-backup-handlers-')

type BackupJson = {
  settings: Record<string, unknown>
  overrides: Record<string, Record<string, unknown>>
}

/** A signed-in kiosk whose staff changed the clinic name and one page. */
async function withChanges(dir = folder()) {
  const setUp = await signedInKiosk(dir)
  const shipped = await shippedSection(setUp.api, 'what-is')
  await setUp.api.staffSaveSettings({ ...defaultSettings, clinicName: 'Riverside Clinic' })
  await setUp.api.staffSaveDocument({
    locale: 'en',
    kind: 'section',
    document: { ...shipped, title: 'What a back spasm is' },
  })
  return setUp
}

describe('staff backups', () => {
  it('exports settings and content changes, never the PIN, and keeps a copy', async () => {
    const setUp = await withChanges()
    const exported = await setUp.api.staffExportBackup()
    expect(exported.fileName).toMatch(/^kiosk-backup-\d{4}-\d{2}-\d{2}-\d{6}\.json$/)
    expect(exported.savedTo).toBe(join(folder(), 'backups', exported.fileName))
    expect(await readFile(exported.savedTo!, 'utf8')).toBe(exported.text)

    const backup = JSON.parse(exported.text) as Record<string, unknown>
    expect(Object.keys(backup).sort()).toEqual([
      'exportedAt',
      'format',
      'overrides',
      'settings',
      'version',
    ])
    expect(backup['settings']).toMatchObject({ clinicName: 'Riverside Clinic' })
    expect(Object.keys(backup['overrides'] as object)).toEqual(['en/section/what-is'])
    const pinFile = JSON.parse(await readFile(join(folder(), pinFileName), 'utf8')) as {
      hash: string
      salt: string
    }
    expect(exported.text).not.toContain(pinFile.hash)
    expect(exported.text).not.toContain(pinFile.salt)
    expect(exported.text).not.toMatch(/"(pin|hash|salt)"/i)
    expect((await auditTrail(setUp)).at(-1)).toEqual(['export', exported.fileName])
  })

  it('imports a backup made elsewhere: settings and content changes together', async () => {
    const other = await mkdtemp(join(tmpdir(), 'kiosk-backup-source-'))
    let text: string
    try {
      ;({ text } = await (await withChanges(other)).api.staffExportBackup())
    } finally {
      await rm(other, { recursive: true, force: true })
    }

    const setUp = await signedInKiosk(folder())
    const { api, onSettings } = setUp
    expect(await api.staffImportBackup({ text })).toEqual({ ok: true })
    expect((await api.getSettings()).clinicName).toBe('Riverside Clinic')
    expect(onSettings).toHaveBeenCalledWith(
      expect.objectContaining({ clinicName: 'Riverside Clinic' }),
    )
    expect((await shippedSection(api, 'what-is')).title).toBe('What a back spasm is')
    expect((await api.staffHistory())[0]?.change).toEqual({ type: 'import' })
    expect((await auditTrail(setUp)).at(-1)).toEqual(['import', 'settings and 1 content change'])
  })

  it('changes nothing when a backup is invalid, and names what is wrong', async () => {
    const setUp = await withChanges()
    const { api, services } = setUp
    const { text } = await api.staffExportBackup()
    const settingsBefore = await readFile(join(folder(), settingsFileName), 'utf8')
    const overridesBefore = await services.overrides.list()
    const historyBefore = await api.staffHistory()

    const backup = JSON.parse(text) as BackupJson
    backup.settings['clinicName'] = 'Hilltop Clinic'
    backup.settings['idleTimeoutSeconds'] = 5
    backup.overrides['en/section/what-is']!['blocks'] = [{ kind: 'video' }]
    const invalid = await api.staffImportBackup({ text: JSON.stringify(backup) })
    expect(invalid).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        {
          field: 'settings.idleTimeoutSeconds',
          code: 'invalid',
          params: { rule: 'too_small', minimum: 30, origin: 'number' },
        },
        {
          field: 'overrides.en/section/what-is.blocks.0.kind',
          code: 'invalid',
          params: { rule: 'invalid_union' },
        },
      ]),
    })
    expect(invalid.ok ? [] : invalid.problems).toHaveLength(2)

    // Valid in itself, but for a page this kiosk does not have.
    const shipped = await shippedSection(api, 'what-is')
    const invented = JSON.parse(text) as BackupJson
    invented.settings['clinicName'] = 'Hilltop Clinic'
    invented.overrides['en/section/my-new-page'] = { ...shipped, id: 'my-new-page' }
    expect(await api.staffImportBackup({ text: JSON.stringify(invented) })).toEqual({
      ok: false,
      problems: [
        {
          field: 'overrides.en/section/my-new-page',
          code: 'not-shipped',
          params: { locale: 'en', kind: 'section', id: 'my-new-page' },
        },
      ],
    })

    expect(await api.staffImportBackup({ text: 'hello' })).toEqual({
      ok: false,
      problems: [{ field: '(whole file)', code: 'backup-not-json' }],
    })

    expect(await readFile(join(folder(), settingsFileName), 'utf8')).toBe(settingsBefore)
    expect(await services.overrides.list()).toEqual(overridesBefore)
    expect(await api.staffHistory()).toEqual(historyBefore)
    expect((await auditTrail(setUp)).at(-1)?.[0]).toBe('export')
  })
})
