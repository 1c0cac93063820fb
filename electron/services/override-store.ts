import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ContentDocument } from '../shared/content-schema'
import { historyChangeSchema, type HistoryChange } from '../shared/contract'
import { overrideDocumentsSchema, type OverrideDocuments } from '../shared/merge-overrides'
import { problemsFromZod, type Problem } from '../shared/problem'
import { createQueue } from './atomic-file'
import { createJsonFile } from './json-file'

const maxVersions = 50
const currentName = 'overrides/current.json'

const stateSchema = z.strictObject({
  version: z.literal(1),
  documents: overrideDocumentsSchema,
})
type OverridesState = z.output<typeof stateSchema>

const versionSchema = z.strictObject({
  version: z.literal(2),
  documents: overrideDocumentsSchema,
  at: z.iso.datetime(),
  change: historyChangeSchema,
  author: z.literal('staff').optional(),
})

/** Version ids are file names, and arrive from the renderer: nothing else may reach the disk. */
const versionIdPattern = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(\d{6,})$/

export interface HistoryEntry {
  id: string
  at: string
  change: HistoryChange
  author?: 'staff'
}

export type ChangeResult = { ok: true; changed: boolean } | { ok: false; problems: Problem[] }

/** Problems found in one proposed document, named by its key so staff know which page. */
function documentProblems(key: string, error: z.ZodError): Problem[] {
  return problemsFromZod(error).map((problem) => {
    const rest = problem.field === key ? '' : problem.field.slice(key.length + 1)
    return { ...problem, file: key, field: rest || '(whole document)' }
  })
}

/**
 * Staff content changes, kept in <dir>/overrides/ beside (never inside) the shipped content.
 * Every change also saves a full copy of all overrides as a version in history/, so any of
 * the last 50 states can be brought back, and a damaged current.json is recovered from them.
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
      recovered = { version: 1, documents: version.value.documents }
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
    if (result.ok) state = result.value
    else if (result.reason === 'missing') state = { version: 1, documents: {} }
    else state = await recover(result.problems)
    return state
  }

  /** Saves the version first, so a crash between the two writes never loses history. */
  async function commit(
    documents: OverrideDocuments,
    change: HistoryChange,
    author?: 'staff',
  ): Promise<void> {
    const existing = await versionIds()
    const seq = (existing[0]?.seq ?? 0) + 1
    const at = now().toISOString()
    const id = `${at.replace(/[:.]/g, '-')}-${String(seq).padStart(6, '0')}`
    const version = versionFile(id)
    await version.write({ version: 2, documents, at, change, ...(author ? { author } : {}) })
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

  /** Saves a staff edit (including hiding, showing or re-ordering) after full validation. */
  function put(key: string, doc: unknown, opts: { author?: 'staff' } = {}): Promise<ChangeResult> {
    return exclusive(async () => {
      const parsed = overrideDocumentsSchema.safeParse({ [key]: doc })
      if (!parsed.success) return { ok: false, problems: documentProblems(key, parsed.error) }
      const next = parsed.data[key] as ContentDocument
      const { documents } = await load()
      const previous = Object.hasOwn(documents, key) ? documents[key] : undefined
      if (JSON.stringify(previous) === JSON.stringify(next)) return { ok: true, changed: false }
      await commit({ ...documents, [key]: next }, { type: 'edit', key }, opts.author)
      return { ok: true, changed: true }
    })
  }

  /** "Reset to the shipped version": the shipped document shows again. */
  function remove(key: string, opts: { author?: 'staff' } = {}): Promise<ChangeResult> {
    return exclusive(async () => {
      const { documents } = await load()
      if (!Object.hasOwn(documents, key)) return { ok: true, changed: false }
      const rest = { ...documents }
      delete rest[key]
      await commit(rest, { type: 'reset', key }, opts.author)
      return { ok: true, changed: true }
    })
  }

  /** Replaces every override at once, as an import does. Validated again here, all or nothing. */
  function replaceAll(documents: unknown, opts: { author?: 'staff' } = {}): Promise<ChangeResult> {
    return exclusive(async () => {
      const parsed = overrideDocumentsSchema.safeParse(documents)
      if (!parsed.success) {
        return {
          ok: false,
          problems: problemsFromZod(parsed.error).map((p) => ({ file: 'overrides', ...p })),
        }
      }
      await load()
      await commit(parsed.data, { type: 'import' }, opts.author)
      return { ok: true, changed: true }
    })
  }

  /** Saved versions, newest first. Unreadable version files are skipped. */
  function history(): Promise<HistoryEntry[]> {
    return exclusive(async () => {
      await load()
      const ids = await versionIds()
      const versions = await Promise.all(
        ids.map(async ({ id }) => ({ id, read: await versionFile(id).read() })),
      )
      return versions.flatMap(({ id, read }) =>
        read.ok
          ? [
              {
                id,
                at: read.value.at,
                change: read.value.change,
                ...(read.value.author ? { author: read.value.author } : {}),
              },
            ]
          : [],
      )
    })
  }

  /** Makes an earlier version current; the restore is itself a new version, so it can be undone. */
  function restore(id: string, opts: { author?: 'staff' } = {}): Promise<ChangeResult> {
    return exclusive(async () => {
      await load()
      const notFound: Problem[] = [
        { file: 'overrides/history', field: id, code: 'version-missing' },
      ]
      if (!versionIdPattern.test(id)) return { ok: false, problems: notFound }
      const version = await versionFile(id).read()
      if (!version.ok) {
        if (version.reason === 'missing') return { ok: false, problems: notFound }
        return {
          ok: false,
          problems: version.problems.map((p) => ({ ...p, code: 'version-damaged' })),
        }
      }
      await commit(
        version.value.documents,
        { type: 'restore', from: version.value.at },
        opts.author,
      )
      return { ok: true, changed: true }
    })
  }

  return {
    list,
    get,
    put,
    remove,
    replaceAll,
    history,
    restore,
    /** Problems found while loading, such as a damaged current.json, for staff mode to show. */
    problems: () => problems,
  }
}
export type OverrideStore = ReturnType<typeof createOverrideStore>
