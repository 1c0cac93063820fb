import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackupService } from '../../../electron/services/backup-service'
import { createContentStore } from '../../../electron/services/content-store'
import { createOverrideStore } from '../../../electron/services/override-store'
import { createSettingsStore, settingsFileName } from '../../../electron/services/settings-store'
import { createExportFolder } from '../../../electron/services/export-folder'
import { createShippedPages } from '../../../electron/services/shipped-pages'
import { exportBackup } from '../../../electron/shared/backup'
import type { ContentDocument } from '../../../electron/shared/content-schema'
import { defaultSettings } from '../../../electron/shared/settings-defaults'
import { memoryLogger } from '../main/test-logger'
import { useTempFolder } from '../temp-folder'

const folder = useTempFolder('kiosk-backup-service-')
/** Local time, as the file name uses it. */
const at = new Date(2026, 10, 21, 14, 30, 5)

async function setUp(backupsDir = join(folder(), 'backups')) {
  const content = createContentStore({ contentDir: 'content' })
  const settings = createSettingsStore({ dir: folder() })
  const overrides = createOverrideStore({ dir: folder() })
  const log = memoryLogger()
  const backup = createBackupService({
    dir: backupsDir,
    settings,
    overrides,
    shipped: createShippedPages(content),
    exports: createExportFolder({ userDataDir: folder(), settings }),
    log,
    now: () => at,
  })
  const whatIs = (await content.load('en')).content.sections.find((s) => s.id === 'what-is')!
  return { backup, settings, overrides, log, whatIs }
}

const riverside = { ...defaultSettings, clinicName: 'Riverside Clinic' }
const backupOf = (overrides: Record<string, ContentDocument>) =>
  exportBackup({ settings: riverside, overrides, now: () => at })

describe('exporting a backup', () => {
  it('names the file by local time and keeps a copy in the backups folder it creates', async () => {
    const { backup, settings } = await setUp()
    await settings.save(riverside)
    const file = await backup.exportFile()
    expect(file.fileName).toBe('kiosk-backup-2026-11-21-143005.json')
    expect(file.savedTo).toBe(join(folder(), 'backups', file.fileName))
    expect(await readFile(file.savedTo!, 'utf8')).toBe(file.text)
    expect(JSON.parse(file.text)).toMatchObject({
      exportedAt: at.toISOString(),
      settings: riverside,
      overrides: {},
    })
  })

  it('still gives staff the file when the kiosk cannot keep its own copy, and logs why', async () => {
    const blocked = join(folder(), 'not-a-folder')
    await writeFile(blocked, '')
    const { backup, log } = await setUp(blocked)
    const file = await backup.exportFile()
    expect(file).toEqual({ fileName: 'kiosk-backup-2026-11-21-143005.json', text: file.text })
    expect(JSON.parse(file.text)).toMatchObject({ settings: defaultSettings })
    expect(log.lines.join('\n')).toContain(`backup: could not keep a copy in ${blocked}`)
  })
})

describe('importing a backup', () => {
  it('replaces the settings and every content change, and says how many changes came', async () => {
    const { backup, settings, overrides, whatIs } = await setUp()
    await overrides.put('en/section/causes', { ...whatIs, id: 'causes' })
    const edited = { ...whatIs, title: 'What a back spasm is' }
    expect(await backup.importFile(backupOf({ 'en/section/what-is': edited }))).toEqual({
      ok: true,
      settings: riverside,
      changes: 1,
    })
    expect(await settings.get()).toEqual(riverside)
    expect(await overrides.list()).toEqual({ 'en/section/what-is': edited })
  })

  it('refuses changes to pages the app does not ship, and changes nothing', async () => {
    const { backup, settings, overrides, whatIs } = await setUp()
    const result = await backup.importFile(
      backupOf({
        'en/section/what-is': whatIs,
        'es/sheet/my-own-sheet': { ...whatIs, id: 'my-own-sheet' },
      }),
    )
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'overrides.es/sheet/my-own-sheet',
          code: 'not-shipped',
          params: { locale: 'es', kind: 'sheet', id: 'my-own-sheet' },
        },
      ],
    })
    expect(await settings.get()).toEqual(defaultSettings)
    expect(await readdir(folder())).not.toContain(settingsFileName)
    expect(await overrides.list()).toEqual({})
  })

  it('refuses a file that is not a backup, before touching anything', async () => {
    const { backup, settings } = await setUp()
    await settings.save(riverside)
    expect(await backup.importFile('{"format": "something-else"}')).toEqual({
      ok: false,
      problems: [{ field: 'format', code: 'not-a-backup' }],
    })
    expect(await settings.get()).toEqual(riverside)
  })

  it('puts the settings back when the content changes cannot be written', async () => {
    const { backup, settings, overrides, whatIs } = await setUp()
    const before = { ...defaultSettings, clinicName: 'Hilltop Clinic' }
    await settings.save(before)
    await overrides.put('en/section/what-is', whatIs)
    // A file where the history folder should be: the import's new version cannot be saved.
    await rm(join(folder(), 'overrides', 'history'), { recursive: true })
    await writeFile(join(folder(), 'overrides', 'history'), '')

    await expect(
      backup.importFile(backupOf({ 'en/section/what-is': { ...whatIs, title: 'Imported' } })),
    ).rejects.toThrow()
    expect(await settings.get()).toEqual(before)
    expect((await overrides.list())['en/section/what-is']?.title).toBe(whatIs.title)
  })
})
