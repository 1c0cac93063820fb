import { exportBackup, parseBackup } from '@shared/backup'
import type { OverrideDocuments } from '@shared/merge-overrides'
import type { Settings } from '@shared/settings-schema'
import type { BrowserOverrides } from './browser-overrides'
import { readSettings, settingsStorageKey } from './browser-settings'
import { storageFullMessage, writeStored, type FieldProblem } from './browser-storage'
import { dateKeyOf } from '@shared/usage-days'

/** Local wall-clock time, as staff would look for the file, and as Electron names it. */
function backupName(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`
  return `kiosk-backup-${dateKeyOf(at)}-${time}.json`
}

/**
 * Settings and content changes as one file to download, never the PIN. A browser cannot
 * keep a copy of its own as Electron does, so there is no `savedTo`.
 */
export function browserExport(
  storage: Storage,
  overrides: BrowserOverrides,
  at: Date,
): { fileName: string; text: string } {
  const text = exportBackup({
    settings: readSettings(storage).settings,
    overrides: overrides.current(),
    now: () => at,
  })
  return { fileName: backupName(at), text }
}

/** Checks the whole file, shipped page ids included, before anything is changed. */
export async function browserImport(
  storage: Storage,
  overrides: BrowserOverrides,
  text: string,
): Promise<
  | { ok: true; settings: Settings; documents: OverrideDocuments }
  | { ok: false; problems: FieldProblem[] }
> {
  const parsed = parseBackup(text)
  if (!parsed.ok) return { ok: false, problems: parsed.problems }
  const { settings, overrides: documents } = parsed.backup
  const unshipped = await overrides.unshipped(documents, 'overrides.')
  if (unshipped.length > 0) return { ok: false, problems: unshipped }

  // Two values change: if the second does not fit, the first is put back as it was.
  const previousSettings = storage.getItem(settingsStorageKey)
  if (!writeStored(storage, settingsStorageKey, settings)) {
    return { ok: false, problems: [{ field: '(storage)', message: storageFullMessage }] }
  }
  const replaced = overrides.replaceAll(documents, 'Imported a backup')
  if (!replaced.ok) {
    if (previousSettings === null) storage.removeItem(settingsStorageKey)
    else storage.setItem(settingsStorageKey, previousSettings)
    return replaced
  }
  return { ok: true, settings, documents }
}
