import { z } from 'zod'
import type { Problem } from '@shared/contract'
import { readStored, writeStored } from './browser-storage'
import {
  auditEntrySchema as entrySchema,
  auditEvents,
  type AuditEntry,
  type AuditEvent,
} from '@shared/audit-entry'

export const auditStorageKey = 'kiosk.audit'
/** localStorage is small and shared with content changes, so only the newest entries stay. */
export const maxAuditEntries = 500

export { auditEvents, type AuditEntry, type AuditEvent }

/** Who did what in staff mode, oldest first in `kiosk.audit`. */
export function createBrowserAudit(storage: Storage, options: { now: () => number }) {
  let problems: Problem[] = []

  /** Entries are checked one by one, so one damaged entry never hides the rest. */
  function read(): AuditEntry[] {
    const stored = readStored(storage, auditStorageKey, z.array(z.unknown()))
    if (!stored.ok) {
      if (stored.reason === 'invalid') {
        problems = stored.problems.map((p) => ({
          file: auditStorageKey,
          field: p.field,
          message: `${p.message} (the staff activity log could not be read and starts again)`,
        }))
      }
      return []
    }
    return stored.value.flatMap((value) => {
      const entry = entrySchema.safeParse(value)
      return entry.success ? [entry.data] : []
    })
  }

  /** Never throws: a full storage must not stop staff from working, so old entries give way. */
  function append(entry: { event: AuditEvent; detail?: string }): void {
    const line: AuditEntry = {
      at: new Date(options.now()).toISOString(),
      event: entry.event,
      ...(entry.detail === undefined ? {} : { detail: entry.detail.slice(0, 200) }),
    }
    let entries = [...read(), line].slice(-maxAuditEntries)
    while (!writeStored(storage, auditStorageKey, entries) && entries.length > 1) {
      entries = entries.slice(Math.ceil(entries.length / 2))
    }
  }

  /** The newest `limit` entries, newest first. */
  function recent(limit: number): AuditEntry[] {
    return read()
      .reverse()
      .slice(0, Math.max(0, Math.floor(limit)))
  }

  return { append, recent, problems: () => problems }
}
export type BrowserAudit = ReturnType<typeof createBrowserAudit>
