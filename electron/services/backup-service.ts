import { join } from 'node:path'
import type { Logger } from '../shared/logger'
import { exportBackup, parseBackup } from '../shared/backup'
import { locales } from '../shared/content-schema'
import { parseOverrideKey } from '../shared/merge-overrides'
import type { FieldProblem } from '../shared/problem'
import type { Settings } from '../shared/settings-schema'
import { writeFileAtomic } from './atomic-file'
import type { OverrideStore } from './override-store'
import type { SettingsStore } from './settings-store'
import type { ShippedPages } from './shipped-pages'

/** Local wall-clock time, as staff would look for the file: 2026-11-21-143005. */
function backupStamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`
}

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
  log: Logger
  now: () => Date
}) {
  async function exportFile(): Promise<{ fileName: string; text: string; savedTo?: string }> {
    const at = deps.now()
    const text = exportBackup({
      settings: await deps.settings.get(),
      overrides: await deps.overrides.list(),
      now: () => at,
    })
    const fileName = `kiosk-backup-${backupStamp(at)}.json`
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
      replaced = await deps.overrides.replaceAll(overrides, { author: 'staff' })
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

  return { exportFile, importFile }
}
export type BackupService = ReturnType<typeof createBackupService>
