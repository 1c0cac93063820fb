import { readFile, rename } from 'node:fs/promises'
import type { z } from 'zod'
import { problemsFromZod, type Problem } from '../shared/problem'
import { writeFileAtomic } from './atomic-file'

export type JsonFileRead<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'not-json' | 'invalid'; problems: Problem[]; movedTo?: string }

export interface JsonFileOptions {
  /** How staff see the file named in problems, e.g. "settings.json". */
  name: string
  now?: () => Date
  /**
   * A damaged file is moved aside (kept for IT to inspect, never deleted) so the next start
   * does not trip over it again. Saved versions in a history folder stay where they are.
   */
  moveBadAside?: boolean
}

/**
 * One JSON file of the kiosk's own: read, parsed and validated in one step, written whole
 * and atomically (the folder synced too), so a power cut leaves the old file or the new one.
 */
export function createJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  options: JsonFileOptions,
) {
  const now = options.now ?? (() => new Date())

  async function refuse(
    reason: 'not-json' | 'invalid',
    problems: Problem[],
  ): Promise<JsonFileRead<z.output<S>>> {
    if (options.moveBadAside === false) return { ok: false, reason, problems }
    const movedTo = `${path}.invalid-${now().toISOString().replace(/[:.]/g, '-')}`
    await rename(path, movedTo)
    return { ok: false, reason, movedTo, problems: problems.map((p) => ({ ...p, movedTo })) }
  }

  /**
   * The ordinary failures (missing, damaged, out of date) are results, not errors; others,
   * such as no permission to read, are thrown: they need a person to fix them.
   */
  async function read(): Promise<JsonFileRead<z.output<S>>> {
    let raw: string
    try {
      raw = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { ok: false, reason: 'missing' }
      throw error
    }
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      return refuse('not-json', [{ file: options.name, field: '(whole file)', code: 'not-json' }])
    }
    const result = schema.safeParse(json)
    if (!result.success) {
      return refuse(
        'invalid',
        problemsFromZod(result.error).map((p) => ({ file: options.name, ...p })),
      )
    }
    return { ok: true, value: result.data }
  }

  /** Checked again before writing: a file that `read` would then refuse must never be saved. */
  async function write(value: z.input<S>): Promise<z.output<S>> {
    const checked = schema.parse(value)
    await writeFileAtomic(path, `${JSON.stringify(checked, null, 2)}\n`)
    return checked
  }

  return { path, read, write }
}
