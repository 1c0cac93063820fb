import { z } from 'zod'
import { overrideDocumentsSchema, type OverrideDocuments } from './merge-overrides'
import { problemsFromZod, type FieldProblem, type ProblemCode } from './problem'
import { settingsSchema, type Settings } from './settings-schema'

const backupFormat = 'back-spasm-kiosk-backup'
/** A backup's file name as the kiosk makes it, or as staff may name one: never a path. */
export const backupFileNamePattern = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,120}\.json$/
const backupVersion = 1
/** Far above any real backup; stops a wrong file (a video, say) from being parsed at all. */
const maxBackupBytes = 20 * 1024 * 1024

/**
 * A backup holds what staff configured: settings and content changes. The staff PIN is
 * deliberately left out, so a backup file copied onto a USB stick never carries it; the
 * strict schema also refuses a file that has extra fields added.
 */
const backupSchema = z.strictObject({
  format: z.literal(backupFormat),
  version: z.literal(backupVersion),
  exportedAt: z.iso.datetime(),
  settings: settingsSchema,
  overrides: overrideDocumentsSchema,
})
type Backup = z.output<typeof backupSchema>

export type ParseBackupResult =
  { ok: true; backup: Backup } | { ok: false; problems: FieldProblem[] }

function refuse(
  field: string,
  code: ProblemCode,
  params?: FieldProblem['params'],
): ParseBackupResult {
  return { ok: false, problems: [{ field, code, ...(params ? { params } : {}) }] }
}

/** The backup file's text. Throws if the data to export is itself invalid, which is a bug. */
export function exportBackup(input: {
  settings: Settings
  overrides: OverrideDocuments
  now?: () => Date
}): string {
  const backup: Backup = backupSchema.parse({
    format: backupFormat,
    version: backupVersion,
    exportedAt: (input.now ?? (() => new Date()))().toISOString(),
    settings: input.settings,
    overrides: input.overrides,
  })
  return `${JSON.stringify(backup, null, 2)}\n`
}

/**
 * Checks a whole backup before anything is applied, so an import either changes everything
 * or nothing. Every problem is listed with its place in the file, for example
 * "overrides.en/section/what-is.blocks.2.kind".
 */
export function parseBackup(text: string): ParseBackupResult {
  if (text.length > maxBackupBytes) return refuse('(whole file)', 'backup-too-large')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return refuse('(whole file)', 'backup-not-json')
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse('(whole file)', 'not-a-backup')
  }
  const { format, version } = json as Record<string, unknown>
  if (format !== backupFormat) return refuse('format', 'not-a-backup')
  if (version !== backupVersion) {
    return typeof version === 'number' && version > backupVersion
      ? refuse('version', 'backup-from-newer-app', { version })
      : refuse('version', 'backup-version-unsupported', { expected: backupVersion })
  }
  const result = backupSchema.safeParse(json)
  if (!result.success) return { ok: false, problems: problemsFromZod(result.error) }
  return { ok: true, backup: result.data }
}
