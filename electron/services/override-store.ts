import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ContentDocument } from '../shared/content-schema'
import { describeIssues, type Problem } from '../shared/contract'
import { overrideDocumentsSchema, type OverrideDocuments } from '../shared/merge-overrides'
import { createQueue, moveAside, readJsonFile, writeFileAtomic } from './atomic-file'

export const maxVersions = 50
const currentName = 'overrides/current.json'

const stateSchema = z.strictObject({
  version: z.literal(1),
  documents: overrideDocumentsSchema,
})
type OverridesState = z.output<typeof stateSchema>

const versionSchema = z.strictObject({
  version: z.literal(1),
  documents: overrideDocumentsSchema,
  at: z.iso.datetime(),
  summary: z.string().min(1),
  author: z.literal('staff').optional(),
})

/** Version ids are file names, and arrive from the renderer: nothing else may reach the disk. */
const versionIdPattern = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(\d{6,})$/

export interface HistoryEntry {
  id: string
  at: string
  summary: string
  author?: 'staff'
}

export type ChangeResult = { ok: true; changed: boolean } | { ok: false; problems: Problem[] }

/** Local time, as staff read it on the clinic's wall clock. */
function describeTime(iso: string): string {
  const d = new Date(iso)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}

/** Problems found in one proposed document, named by its key so staff know which page. */
function documentProblems(key: string, error: z.ZodError): Problem[] {
  return describeIssues(error).map(({ field, message }) => {
    const rest = field === key ? '' : field.slice(key.length + 1)
    return { file: key, field: rest || '(whole document)', message }
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
  const currentFile = join(folder, 'current.json')
  const now = options.now ?? (() => new Date())
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

  async function readVersion(id: string) {
    return readJsonFile(join(historyFolder, `${id}.json`), versionSchema)
  }

  async function recover(found: { field: string; message: string }[]): Promise<OverridesState> {
    const aside = await moveAside(currentFile, now())
    let recovered: OverridesState = { version: 1, documents: {} }
    let fallback = 'no content changes are in use until staff make new ones'
    for (const { id } of await versionIds()) {
      const version = await readVersion(id)
      if (!version.ok) continue
      recovered = { version: 1, documents: version.value.documents }
      fallback = `the saved version from ${describeTime(version.value.at)} is in use instead`
      break
    }
    await writeFileAtomic(currentFile, `${JSON.stringify(recovered, null, 2)}\n`)
    problems = found.map((p) => ({
      file: currentName,
      field: p.field,
      message: `${p.message} (the file was moved to ${aside}; ${fallback})`,
    }))
    return recovered
  }

  async function load(): Promise<OverridesState> {
    if (state) return state
    await mkdir(historyFolder, { recursive: true })
    const result = await readJsonFile(currentFile, stateSchema)
    if (result.ok) state = result.value
    else if (result.reason === 'missing') state = { version: 1, documents: {} }
    else state = await recover(result.problems)
    return state
  }

  /** Saves the version first, so a crash between the two writes never loses history. */
  async function commit(
    documents: OverrideDocuments,
    summary: string,
    author?: 'staff',
  ): Promise<void> {
    const existing = await versionIds()
    const seq = (existing[0]?.seq ?? 0) + 1
    const at = now().toISOString()
    const id = `${at.replace(/[:.]/g, '-')}-${String(seq).padStart(6, '0')}`
    const next: OverridesState = { version: 1, documents }
    const versionFile = join(historyFolder, `${id}.json`)
    await writeFileAtomic(
      versionFile,
      `${JSON.stringify({ ...next, at, summary, ...(author ? { author } : {}) }, null, 2)}\n`,
    )
    try {
      await writeFileAtomic(currentFile, `${JSON.stringify(next, null, 2)}\n`)
    } catch (error) {
      await rm(versionFile, { force: true })
      throw error
    }
    state = next
    const stale = existing.slice(maxVersions - 1)
    await Promise.all(stale.map(({ id: old }) => rm(join(historyFolder, `${old}.json`))))
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
      const next = parsed.data[key]
      if (!next) {
        return {
          ok: false,
          problems: [{ file: key, field: '(whole document)', message: 'the page is missing' }],
        }
      }
      const { documents } = await load()
      const previous = Object.hasOwn(documents, key) ? documents[key] : undefined
      if (JSON.stringify(previous) === JSON.stringify(next)) return { ok: true, changed: false }
      await commit({ ...documents, [key]: next }, `Edited ${key}`, opts.author)
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
      await commit(rest, `Reset ${key} to the shipped version`, opts.author)
      return { ok: true, changed: true }
    })
  }

  /** Replaces every override at once, as an import does. Validated again here, all or nothing. */
  function replaceAll(
    documents: unknown,
    opts: { summary?: string; author?: 'staff' } = {},
  ): Promise<ChangeResult> {
    return exclusive(async () => {
      const parsed = overrideDocumentsSchema.safeParse(documents)
      if (!parsed.success) {
        return {
          ok: false,
          problems: describeIssues(parsed.error).map((p) => ({ file: 'overrides', ...p })),
        }
      }
      await load()
      await commit(parsed.data, opts.summary ?? 'Imported a backup', opts.author)
      return { ok: true, changed: true }
    })
  }

  /** Saved versions, newest first. Unreadable version files are skipped. */
  function history(): Promise<HistoryEntry[]> {
    return exclusive(async () => {
      await load()
      const ids = await versionIds()
      const versions = await Promise.all(
        ids.map(async ({ id }) => ({ id, read: await readVersion(id) })),
      )
      return versions.flatMap(({ id, read }) =>
        read.ok
          ? [
              {
                id,
                at: read.value.at,
                summary: read.value.summary,
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
        { file: 'overrides/history', field: id, message: 'That saved version no longer exists.' },
      ]
      if (!versionIdPattern.test(id)) return { ok: false, problems: notFound }
      const version = await readVersion(id)
      if (!version.ok) {
        if (version.reason === 'missing') return { ok: false, problems: notFound }
        return {
          ok: false,
          problems: version.problems.map((p) => ({
            file: `overrides/history/${id}.json`,
            field: p.field,
            message: `That saved version is damaged and cannot be restored: ${p.message}`,
          })),
        }
      }
      await commit(
        version.value.documents,
        `Restored version of ${describeTime(version.value.at)}`,
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
