import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../shared/logger'
import { backupFileNamePattern, exportBackup, parseBackup } from '../shared/backup'
import { locales } from '../shared/content-schema'
import { parseOverrideKey } from '../shared/merge-overrides'
import type { FieldProblem } from '../shared/problem'
import type { Settings } from '../shared/settings-schema'
import { writeFileAtomic } from './atomic-file'
import { localStamp } from './file-stamp'
import type { ExportFolder } from './export-folder'
import type { OverrideStore } from './override-store'
import type { SettingsStore } from './settings-store'
import type { ShippedPages } from './shipped-pages'

export type ImportResult =
  { ok: true; settings: Settings; changes: number } | { ok: false; problems: FieldProblem[] }

/**
 * Backups of what staff configured (settings and content changes, never the PIN): made as a
 * file staff can save elsewhere, with a copy kept in <userData>/backups; imported all or
 * nothing.
 */
export function createBackupService(deps: {
  dir: string
  settings: SettingsStore
  overrides: OverrideStore
  shipped: ShippedPages
  exports: ExportFolder
  log: Logger
  now: () => Date
}) {
  /** The folders a backup can be imported from by its name: the kiosk's own copies first. */
  const folders = async () => [deps.dir, await deps.exports.path()]

  /** JSON files named as backups are, in those folders, newest first: staff choose one by touch. */
  async function list(): Promise<{ fileName: string; at: string }[]> {
    const found = new Map<string, { fileName: string; at: string }>()
    for (const folder of await folders()) {
      let names: string[]
      try {
        names = await readdir(folder)
      } catch {
        continue
      }
      for (const fileName of names) {
        if (!backupFileNamePattern.test(fileName) || found.has(fileName)) continue
        try {
          const info = await stat(join(folder, fileName))
          if (info.isFile()) found.set(fileName, { fileName, at: info.mtime.toISOString() })
        } catch {
          // Gone since the folder was read.
        }
      }
    }
    return [...found.values()].sort((a, b) => b.at.localeCompare(a.at))
  }

  /** The text of the named backup, from the first folder that has it, or null. */
  async function readNamed(fileName: string): Promise<string | null> {
    if (!backupFileNamePattern.test(fileName)) return null
    for (const folder of await folders()) {
      try {
        return await readFile(join(folder, fileName), 'utf8')
      } catch {
        continue
      }
    }
    return null
  }

  async function exportFile(): Promise<{ fileName: string; text: string; savedTo?: string }> {
    const at = deps.now()
    const text = exportBackup({
      settings: await deps.settings.get(),
      overrides: await deps.overrides.list(),
      now: () => at,
    })
    const fileName = `kiosk-backup-${localStamp(at)}.json`
    try {
      const savedTo = join(deps.dir, fileName)
      await writeFileAtomic(savedTo, text)
      return { fileName, text, savedTo }
    } catch (error) {
      // Staff still get the file to save elsewhere; only the kiosk's own copy is missing.
      deps.log.error(`backup: could not keep a copy in ${deps.dir}: ${error}`)
      return { fileName, text }
    }
  }

  async function importFile(text: string): Promise<ImportResult> {
    const parsed = parseBackup(text)
    if (!parsed.ok) return parsed
    const { settings, overrides } = parsed.backup
    const shipped = await deps.shipped.keys(locales)
    const unknownPages: FieldProblem[] = Object.keys(overrides).flatMap((key) => {
      const parts = parseOverrideKey(key)
      if (!parts || shipped.has(key)) return []
      return [{ field: `overrides.${key}`, code: 'not-shipped' as const, params: { ...parts } }]
    })
    if (unknownPages.length > 0) return { ok: false, problems: unknownPages }

    // Two files change: if the second cannot be written, the first is put back as it was.
    const previous = await deps.settings.get()
    await deps.settings.save(settings)
    let replaced
    try {
      replaced = await deps.overrides.replaceAll(overrides)
    } catch (error) {
      await deps.settings.save(previous)
      throw error
    }
    if (!replaced.ok) {
      await deps.settings.save(previous)
      return { ok: false, problems: replaced.problems }
    }
    return { ok: true, settings, changes: Object.keys(overrides).length }
  }

  async function importNamed(fileName: string): Promise<ImportResult> {
    const text = await readNamed(fileName)
    if (text === null)
      return {
        ok: false,
        problems: [
          { field: '(whole file)', code: 'backup-file-missing', params: { name: fileName } },
        ],
      }
    return importFile(text)
  }

  return { exportFile, importFile, importNamed, list }
}
export type BackupService = ReturnType<typeof createBackupService>
