import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { documentSchema, type ContentDocument } from '../shared/content-schema'
import {
  historyAuthorSchema,
  historyChangeSchema,
  type HistoryAuthor,
  type HistoryChange,
} from '../shared/contract'
import {
  overrideDocumentsSchema,
  storedOverridesSchema,
  withoutUnsafe,
  type OverrideDocuments,
} from '../shared/merge-overrides'
import { changedPages, undoPageChange } from '../shared/page-change'
import { problemsFromZod, type Problem } from '../shared/problem'
import { createQueue } from './atomic-file'
import { createJsonFile } from './json-file'

const maxVersions = 50
const currentName = 'overrides/current.json'

const stateSchema = z.strictObject({
  version: z.literal(1),
  documents: storedOverridesSchema,
})
type OverridesState = z.output<typeof stateSchema>

const pageChangesSchema = z.record(
  z.string(),
  z.strictObject({ before: documentSchema.nullable(), after: documentSchema.nullable() }),
)
/** Each changed page before and after: a staff change (null: none), or a content pack's. */
export type PageChanges = z.output<typeof pageChangesSchema>

/** Versions saved before the history said who changed which pages, read as they are. */
const versionTwoSchema = z.strictObject({
  version: z.literal(2),
  documents: storedOverridesSchema,
  at: z.iso.datetime(),
  change: historyChangeSchema,
  author: z.literal('staff').optional(),
})
const versionSchema = z.discriminatedUnion('version', [
  versionTwoSchema,
  z.strictObject({
    version: z.literal(3),
    documents: storedOverridesSchema,
    at: z.iso.datetime(),
    change: historyChangeSchema,
    by: historyAuthorSchema,
    pages: pageChangesSchema,
  }),
])
type Version = z.output<typeof versionSchema>

/** Version ids are file names, and arrive from the renderer: nothing else may reach the disk. */
const versionIdPattern = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(\d{6,})$/

export interface HistoryEntry {
  id: string
  at: string
  change: HistoryChange
  by: HistoryAuthor
  pages: PageChanges
}

export type ChangeResult = { ok: true; changed: boolean } | { ok: false; problems: Problem[] }

const staff: HistoryAuthor = { kind: 'staff' }

/** Problems found in one proposed document, named by its key so staff know which page. */
function documentProblems(key: string, error: z.ZodError): Problem[] {
  return problemsFromZod(error).map((problem) => {
    const rest = problem.field === key ? '' : problem.field.slice(key.length + 1)
    return { ...problem, file: key, field: rest || '(whole document)' }
  })
}

/** Changes that break the safety rules, read from disk: left out, and staff are told. */
function unsafeProblems(file: string, unsafe: ReturnType<typeof withoutUnsafe>['unsafe']) {
  return unsafe.map(({ key, path, rule }): Problem => ({
    file,
    field: [key, ...path].join('.'),
    code: 'invalid',
    params: { rule },
    fallback: 'shipped-page-in-use',
  }))
}

/**
 * Staff content changes, kept in <dir>/overrides/ beside (never inside) the shipped content.
 * Every change also saves a full copy of all overrides as a version in history/, with what it
 * changed and who made it, so any of the last 50 states can be brought back, any one change
 * undone, and a damaged current.json is recovered from them.
 */
export function createOverrideStore(options: { dir: string; now?: () => Date }) {
  const folder = join(options.dir, 'overrides')
  const historyFolder = join(folder, 'history')
  const now = options.now ?? (() => new Date())
  const currentFile = createJsonFile(join(folder, 'current.json'), stateSchema, {
    name: currentName,
    now,
  })
  const versionFile = (id: string) =>
    createJsonFile(join(historyFolder, `${id}.json`), versionSchema, {
      name: `overrides/history/${id}.json`,
      moveBadAside: false,
    })
  const exclusive = createQueue()
  let state: OverridesState | null = null
  let problems: Problem[] = []

  async function versionIds(): Promise<{ id: string; seq: number }[]> {
    let names: string[]
    try {
      names = await readdir(historyFolder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .flatMap((id) => {
        const match = versionIdPattern.exec(id)
        return match ? [{ id, seq: Number(match[1]) }] : []
      })
      .sort((a, b) => b.seq - a.seq)
  }

  async function recover(found: Problem[]): Promise<OverridesState> {
    let recovered: OverridesState = { version: 1, documents: {} }
    let at: string | undefined
    for (const { id } of await versionIds()) {
      const version = await versionFile(id).read()
      if (!version.ok) continue
      recovered = { version: 1, documents: withoutUnsafe(version.value.documents).documents }
      at = version.value.at
      break
    }
    await currentFile.write(recovered)
    problems = found.map((p) => ({
      ...p,
      fallback: at ? 'saved-version-in-use' : 'no-changes-in-use',
      ...(at ? { params: { ...p.params, savedAt: at } } : {}),
    }))
    return recovered
  }

  async function load(): Promise<OverridesState> {
    if (state) return state
    await mkdir(historyFolder, { recursive: true })
    const result = await currentFile.read()
    if (result.ok) {
      const safe = withoutUnsafe(result.value.documents)
      problems = unsafeProblems(currentName, safe.unsafe)
      state = { version: 1, documents: safe.documents }
    } else if (result.reason === 'missing') state = { version: 1, documents: {} }
    else state = await recover(result.problems)
    return state
  }

  /** Saves the version first, so a crash between the two writes never loses history. */
  async function commit(
    documents: OverrideDocuments,
    change: HistoryChange,
    by: HistoryAuthor,
    pages: PageChanges,
  ): Promise<void> {
    const existing = await versionIds()
    const seq = (existing[0]?.seq ?? 0) + 1
    const at = now().toISOString()
    const id = `${at.replace(/[:.]/g, '-')}-${String(seq).padStart(6, '0')}`
    const version = versionFile(id)
    await version.write({ version: 3, documents, at, change, by, pages })
    try {
      await currentFile.write({ version: 1, documents })
    } catch (error) {
      await rm(version.path, { force: true })
      throw error
    }
    state = { version: 1, documents }
    const stale = existing.slice(maxVersions - 1)
    await Promise.all(stale.map(({ id: old }) => rm(versionFile(old).path)))
  }

  /** Commits the new set of changes, when it changes anything: as one version of the history. */
  async function change(
    next: OverrideDocuments,
    what: HistoryChange,
    by: HistoryAuthor,
  ): Promise<ChangeResult> {
    const { documents } = await load()
    const pages = changedPages(documents, next)
    if (Object.keys(pages).length === 0) return { ok: true, changed: false }
    await commit(next, what, by, pages)
    return { ok: true, changed: true }
  }

  function sorted(documents: OverrideDocuments): OverrideDocuments {
    return Object.fromEntries(Object.entries(documents).sort(([a], [b]) => a.localeCompare(b)))
  }

  /** All current overrides, keyed "<locale>/<kind>/<id>": ready for mergeOverrides. */
  function list(): Promise<OverrideDocuments> {
    return exclusive(async () => sorted((await load()).documents))
  }

  function get(key: string): Promise<ContentDocument | null> {
    return exclusive(async () => {
      const { documents } = await load()
      return Object.hasOwn(documents, key) ? (documents[key] ?? null) : null
    })
  }

  /**
   * Saves staff changes of one or more pages (an edit, hiding, showing, a move of two pages)
   * after full validation, as one version described by `what`.
   */
  function putMany(
    changes: Record<string, unknown>,
    what: HistoryChange,
    opts: { by?: HistoryAuthor } = {},
  ): Promise<ChangeResult> {
    return exclusive(async () => {
      const parsed = overrideDocumentsSchema.safeParse(changes)
      if (!parsed.success) {
        const [key = ''] = Object.keys(changes)
        return { ok: false, problems: documentProblems(key, parsed.error) }
      }
      const { documents } = await load()
      return change({ ...documents, ...parsed.data }, what, opts.by ?? staff)
    })
  }

  /** Saves a staff change of one page; the history calls it an edit unless told otherwise. */
  function put(
    key: string,
    doc: unknown,
    opts: { change?: HistoryChange; by?: HistoryAuthor } = {},
  ): Promise<ChangeResult> {
    return putMany({ [key]: doc }, opts.change ?? { type: 'edit', key }, opts)
  }

  /** "Reset to the shipped version": the shipped document shows again. */
  function remove(key: string, opts: { by?: HistoryAuthor } = {}): Promise<ChangeResult> {
    return exclusive(async () => {
      const { documents } = await load()
      const rest = { ...documents }
      delete rest[key]
      return change(rest, { type: 'reset', key }, opts.by ?? staff)
    })
  }

  /** Replaces every override at once, as an import does. Validated again here, all or nothing. */
  function replaceAll(
    documents: unknown,
    opts: { by?: HistoryAuthor } = {},
  ): Promise<ChangeResult> {
    return exclusive(async () => {
      const parsed = overrideDocumentsSchema.safeParse(documents)
      if (!parsed.success) {
        return {
          ok: false,
          problems: problemsFromZod(parsed.error).map((p) => ({ file: 'overrides', ...p })),
        }
      }
      const { documents: before } = await load()
      await commit(
        parsed.data,
        { type: 'import' },
        opts.by ?? staff,
        changedPages(before, parsed.data),
      )
      return { ok: true, changed: true }
    })
  }

  /**
   * Notes a change made below the staff layer (a content pack now shows), with the pages as
   * visitors saw them before and after: staff changes stay as they are.
   */
  function note(what: HistoryChange, by: HistoryAuthor, pages: PageChanges): Promise<void> {
    return exclusive(async () => {
      const { documents } = await load()
      await commit(documents, what, by, pages)
    })
  }

  async function readVersions(): Promise<{ id: string; version: Version }[]> {
    const ids = await versionIds()
    const versions = await Promise.all(
      ids.map(async ({ id }) => ({ id, read: await versionFile(id).read() })),
    )
    return versions.flatMap(({ id, read }) => (read.ok ? [{ id, version: read.value }] : []))
  }

  /** A version as a history entry; one saved before entries said what they changed is compared with the one before it. */
  function entryOf(version: Version, id: string, older: Version | undefined): HistoryEntry {
    const { at, change: what } = version
    if (version.version === 3) return { id, at, change: what, by: version.by, pages: version.pages }
    return {
      id,
      at,
      change: what,
      by: staff,
      pages: changedPages(older?.documents ?? {}, version.documents),
    }
  }

  /** Saved versions, newest first. Unreadable version files are skipped. */
  function history(): Promise<HistoryEntry[]> {
    return exclusive(async () => {
      await load()
      const versions = await readVersions()
      return versions.map(({ id, version }, i) => entryOf(version, id, versions[i + 1]?.version))
    })
  }

  const missing = (id: string): { ok: false; problems: Problem[] } => ({
    ok: false,
    problems: [{ file: 'overrides/history', field: id, code: 'version-missing' }],
  })

  async function findVersion(
    id: string,
  ): Promise<
    { ok: true; entry: HistoryEntry; version: Version } | { ok: false; problems: Problem[] }
  > {
    if (!versionIdPattern.test(id)) return missing(id)
    const version = await versionFile(id).read()
    if (!version.ok) {
      if (version.reason === 'missing') return missing(id)
      return {
        ok: false,
        problems: version.problems.map((p) => ({ ...p, code: 'version-damaged' })),
      }
    }
    if (version.value.version === 3)
      return { ok: true, entry: entryOf(version.value, id, undefined), version: version.value }
    const versions = await readVersions()
    const index = versions.findIndex((found) => found.id === id)
    return {
      ok: true,
      entry: entryOf(version.value, id, versions[index + 1]?.version),
      version: version.value,
    }
  }

  /** One entry of the history, with the pages it changed before and after. */
  function entry(id: string) {
    return exclusive(async () => {
      await load()
      const found = await findVersion(id)
      return found.ok ? { ok: true as const, entry: found.entry } : found
    })
  }

  /**
   * Takes back one change only (see undoPageChange): a page changed again since in the same
   * part is not touched, and the undo is refused, naming it. `base` is the page without any
   * staff change, as visitors would see it.
   */
  function undo(
    id: string,
    opts: { base: (key: string) => ContentDocument | null; by?: HistoryAuthor },
  ): Promise<ChangeResult> {
    return exclusive(async () => {
      const { documents } = await load()
      const found = await findVersion(id)
      if (!found.ok) return found
      const { entry: undone } = found
      if (undone.by.kind === 'pack' || undone.change.type === 'pack')
        return {
          ok: false,
          problems: [{ file: 'overrides/history', field: id, code: 'not-undoable' }],
        }
      const next = { ...documents }
      const conflicts: Problem[] = []
      for (const [key, page] of Object.entries(undone.pages)) {
        const result = undoPageChange({
          ...page,
          current: documents[key] ?? null,
          base: opts.base(key),
        })
        if (!result.ok)
          conflicts.push({ file: 'overrides/history', field: key, code: 'changed-since' })
        else if (result.doc) next[key] = result.doc
        else delete next[key]
      }
      if (conflicts.length > 0) return { ok: false, problems: conflicts }
      const parsed = overrideDocumentsSchema.safeParse(next)
      if (!parsed.success)
        return {
          ok: false,
          problems: problemsFromZod(parsed.error).map((p) => ({ file: 'overrides', ...p })),
        }
      const key = 'key' in undone.change ? { key: undone.change.key } : {}
      return change(
        parsed.data,
        { type: 'undo', of: undone.at, undone: undone.change.type, ...key },
        opts.by ?? staff,
      )
    })
  }

  /** The changes a version holds, less any that would break the safety rules. */
  const restorable = (version: Version) => withoutUnsafe(version.documents).documents

  /** What going back to a version would change, page by page (staff changes only). */
  function restorePreview(
    id: string,
  ): Promise<{ ok: true; pages: PageChanges } | { ok: false; problems: Problem[] }> {
    return exclusive(async () => {
      const { documents } = await load()
      const found = await findVersion(id)
      if (!found.ok) return found
      return { ok: true, pages: changedPages(documents, restorable(found.version)) }
    })
  }

  /** Makes an earlier version current; the restore is itself a new version, so it can be undone. */
  function restore(id: string, opts: { by?: HistoryAuthor } = {}): Promise<ChangeResult> {
    return exclusive(async () => {
      await load()
      const found = await findVersion(id)
      if (!found.ok) return found
      const result = await change(
        restorable(found.version),
        { type: 'restore', from: found.version.at },
        opts.by ?? staff,
      )
      return result
    })
  }

  return {
    list,
    get,
    put,
    remove,
    replaceAll,
    putMany,
    note,
    history,
    entry,
    undo,
    restorePreview,
    restore,
    /** Problems found while loading, such as a damaged current.json, for staff mode to show. */
    problems: () => problems,
  }
}
export type OverrideStore = ReturnType<typeof createOverrideStore>
