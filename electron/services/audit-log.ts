import { mkdir, open, readFile, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createQueue } from './atomic-file'
import {
  auditEntrySchema as entrySchema,
  type AuditEntry,
  type AuditEvent,
} from '../shared/audit-entry'

export const auditFileName = 'audit.log'
const maxAuditBytes = 1024 * 1024

export { type AuditEntry, type AuditEvent }

/**
 * Who did what in staff mode, one JSON object per line. Appending (rather than rewriting)
 * means a crash can at worst cut the last line short, which `recent` then skips.
 */
export function createAuditLog(options: { dir: string; now?: () => Date; maxBytes?: number }) {
  const file = join(options.dir, auditFileName)
  const previous = `${file}.1`
  const now = options.now ?? (() => new Date())
  const maxBytes = options.maxBytes ?? maxAuditBytes
  const exclusive = createQueue()

  async function size(path: string): Promise<number> {
    try {
      return (await stat(path)).size
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
      throw error
    }
  }

  function append(entry: { event: AuditEvent; detail?: string }): Promise<AuditEntry> {
    return exclusive(async () => {
      const line = entrySchema.parse({ at: now().toISOString(), ...entry })
      const text = `${JSON.stringify(line)}\n`
      await mkdir(options.dir, { recursive: true })
      const current = await size(file)
      if (current > 0 && current + Buffer.byteLength(text) > maxBytes) await rename(file, previous)
      const handle = await open(file, 'a', 0o600)
      try {
        await handle.appendFile(text)
        await handle.sync()
      } finally {
        await handle.close()
      }
      return line
    })
  }

  async function readLines(path: string): Promise<AuditEntry[]> {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    return text.split('\n').flatMap((line) => {
      if (!line.trim()) return []
      try {
        const parsed = entrySchema.safeParse(JSON.parse(line))
        return parsed.success ? [parsed.data] : []
      } catch {
        return []
      }
    })
  }

  /** The newest `limit` entries, newest first, reaching into the rotated file when needed. */
  function recent(limit = 100): Promise<AuditEntry[]> {
    return exclusive(async () => {
      const wanted = Math.max(0, Math.floor(limit))
      const newest = (await readLines(file)).reverse()
      if (newest.length >= wanted) return newest.slice(0, wanted)
      const older = (await readLines(previous)).reverse()
      return [...newest, ...older].slice(0, wanted)
    })
  }

  return { append, recent }
}
export type AuditLog = ReturnType<typeof createAuditLog>
