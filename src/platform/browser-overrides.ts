import { z } from 'zod'
import { documentSchema, type Locale } from '@shared/content-schema'
import { describeIssues, type Problem } from '@shared/contract'
import {
  overrideDocumentsSchema,
  overrideKey,
  parseOverrideKey,
  type OverrideDocuments,
  type OverrideKind,
} from '@shared/merge-overrides'
import { readStored, storageFullMessage, writeStored, type FieldProblem } from './browser-storage'

export const overridesStorageKey = 'kiosk.overrides'
export const historyStorageKey = 'kiosk.history'
export const maxVersions = 50

const versionSchema = z.strictObject({
  id: z.string().max(80),
  at: z.iso.datetime(),
  summary: z.string().min(1),
  documents: overrideDocumentsSchema,
})
type Version = z.output<typeof versionSchema>

export interface HistoryEntry {
  id: string
  at: string
  summary: string
}

/** Which ids ship with the app: only those may be changed, as in Electron. */
export type ShippedIds = (locale: Locale, kind: OverrideKind) => Promise<ReadonlySet<string>>

export type ChangeResult = { ok: true; changed: boolean } | { ok: false; problems: FieldProblem[] }

const languageNames: Record<Locale, string> = { en: 'English', es: 'Spanish' }

/** Local time, as staff read it on the clinic's wall clock. */
function describeTime(iso: string): string {
  const d = new Date(iso)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}

/** Puts back a value exactly as it was; it fitted before, so this only fails if storage broke. */
function restoreText(storage: Storage, key: string, text: string): void {
  try {
    storage.setItem(key, text)
  } catch {
    // Nothing more can be done: the history keeps the new version, which is still valid.
  }
}

function sorted(documents: OverrideDocuments): OverrideDocuments {
  return Object.fromEntries(Object.entries(documents).sort(([a], [b]) => a.localeCompare(b)))
}

/**
 * Staff content changes in localStorage: `kiosk.overrides` holds the current documents and
 * `kiosk.history` the last 50 full states, so any of them can be brought back. Values are
 * re-read on each call (cheaply, by their text), so two kiosk objects over one storage agree.
 */
export function createBrowserOverrides(
  storage: Storage,
  options: { now: () => number; shippedIds: ShippedIds },
) {
  let problems: Problem[] = []
  let cachedText: string | null | undefined
  let cachedDocuments: OverrideDocuments = {}

  function readHistory(): Version[] {
    const stored = readStored(storage, historyStorageKey, z.array(z.unknown()))
    if (!stored.ok) return []
    // One damaged version is skipped rather than losing the whole history.
    return stored.value.flatMap((value) => {
      const version = versionSchema.safeParse(value)
      return version.success ? [version.data] : []
    })
  }

  /**
   * The current overrides. A damaged value is ignored in favour of the newest saved version,
   * as Electron recovers a damaged current.json, and staff are told.
   */
  function current(): OverrideDocuments {
    const text = storage.getItem(overridesStorageKey)
    if (text === cachedText) return cachedDocuments
    cachedText = text
    const read = readStored(storage, overridesStorageKey, overrideDocumentsSchema)
    problems = []
    if (read.ok) cachedDocuments = sorted(read.value)
    else if (read.reason === 'missing') cachedDocuments = {}
    else {
      const newest = readHistory().at(-1)
      cachedDocuments = newest ? newest.documents : {}
      const fallback = newest
        ? `the saved version from ${describeTime(newest.at)} is in use instead`
        : 'no content changes are in use until staff make new ones'
      problems = read.problems.map((p) => ({
        file: overridesStorageKey,
        field: p.field,
        message: `${p.message} (the saved content changes could not be used; ${fallback})`,
      }))
    }
    return cachedDocuments
  }

  /**
   * Saves a new state and its history entry, or neither. When storage is full the oldest
   * versions give way first, since the current content matters more than old history.
   */
  function commit(documents: OverrideDocuments, summary: string): boolean {
    const previousHistory = storage.getItem(historyStorageKey)
    const existing = readHistory()
    const lastSeq = Number(existing.at(-1)?.id.match(/-(\d{6,})$/)?.[1] ?? 0)
    const at = new Date(options.now()).toISOString()
    const id = `${at.replace(/[:.]/g, '-')}-${String(lastSeq + 1).padStart(6, '0')}`
    let versions = [...existing, { id, at, summary, documents }].slice(-maxVersions)
    while (!writeStored(storage, historyStorageKey, versions)) {
      if (versions.length === 1) return false
      versions = versions.slice(1)
    }
    if (!writeStored(storage, overridesStorageKey, documents)) {
      if (previousHistory === null) storage.removeItem(historyStorageKey)
      else restoreText(storage, historyStorageKey, previousHistory)
      return false
    }
    return true
  }

  /** Problems for documents that do not ship with the app, named as an import names them. */
  async function unshipped(documents: OverrideDocuments, prefix = ''): Promise<FieldProblem[]> {
    const found: FieldProblem[] = []
    for (const key of Object.keys(documents)) {
      const parts = parseOverrideKey(key)
      if (!parts) continue
      if (!(await options.shippedIds(parts.locale, parts.kind)).has(parts.id)) {
        found.push({
          field: `${prefix}${key}`,
          message: `There is no ${parts.kind} "${parts.id}" in the ${languageNames[parts.locale]} content. Staff can edit, hide and re-order the pages that come with the app, but not add new ones.`,
        })
      }
    }
    return found
  }

  const notSaved: { ok: false; problems: FieldProblem[] } = {
    ok: false,
    problems: [{ field: '(storage)', message: storageFullMessage }],
  }

  return {
    current,

    /** Saves a staff edit (including hiding, showing or re-ordering) after full validation. */
    async put(
      locale: Locale,
      kind: OverrideKind,
      document: unknown,
    ): Promise<
      { ok: true; changed: boolean; key: string } | { ok: false; problems: FieldProblem[] }
    > {
      const parsed = documentSchema.safeParse(document)
      if (!parsed.success) {
        return {
          ok: false,
          problems: describeIssues(parsed.error).map((p) => ({
            field: p.field === '(whole file)' ? '(whole document)' : p.field,
            message: p.message,
          })),
        }
      }
      const key = overrideKey(locale, kind, parsed.data.id)
      const missing = await unshipped({ [key]: parsed.data })
      if (missing.length > 0) {
        return { ok: false, problems: missing.map((p) => ({ ...p, field: 'id' })) }
      }
      const documents = current()
      if (JSON.stringify(documents[key]) === JSON.stringify(parsed.data)) {
        return { ok: true, changed: false, key }
      }
      if (!commit(sorted({ ...documents, [key]: parsed.data }), `Edited ${key}`)) return notSaved
      return { ok: true, changed: true, key }
    },

    /** "Reset to the shipped version": the shipped document shows again. */
    remove(key: string): ChangeResult {
      const documents = current()
      if (!Object.hasOwn(documents, key)) return { ok: true, changed: false }
      const rest = { ...documents }
      delete rest[key]
      if (!commit(rest, `Reset ${key} to the shipped version`)) return notSaved
      return { ok: true, changed: true }
    },

    /** Replaces every override at once, as an import does; the caller has validated them. */
    replaceAll(documents: OverrideDocuments, summary: string): ChangeResult {
      if (!commit(sorted(documents), summary)) return notSaved
      return { ok: true, changed: true }
    },

    /** Saved versions, newest first. */
    history(): HistoryEntry[] {
      return readHistory()
        .reverse()
        .map(({ id, at, summary }) => ({ id, at, summary }))
    },

    /** Makes an earlier version current; the restore is itself a new version, so it can be undone. */
    restore(id: string): ChangeResult {
      const version = readHistory().find((v) => v.id === id)
      if (!version) {
        return {
          ok: false,
          problems: [{ field: 'id', message: 'That saved version no longer exists.' }],
        }
      }
      if (!commit(version.documents, `Restored version of ${describeTime(version.at)}`)) {
        return notSaved
      }
      return { ok: true, changed: true }
    },

    unshipped,
    problems: () => problems,
  }
}
export type BrowserOverrides = ReturnType<typeof createBrowserOverrides>
