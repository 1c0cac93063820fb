import type { z } from 'zod'
import { describeIssues } from '@shared/contract'

/** A field-level reason, as staff see it next to a form or an import. */
export interface FieldProblem {
  field: string
  message: string
}

export type StoredRead<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'invalid'; problems: FieldProblem[] }

/**
 * Reads one localStorage value through a schema. Anything in localStorage may have been
 * edited by hand or left by an older build, so nothing is trusted until it passes the schema.
 */
export function readStored<S extends z.ZodType>(
  storage: Storage,
  key: string,
  schema: S,
): StoredRead<z.output<S>> {
  const raw = storage.getItem(key)
  if (raw === null) return { ok: false, reason: 'missing' }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (error) {
    return {
      ok: false,
      reason: 'invalid',
      problems: [
        { field: '(whole value)', message: `not valid JSON: ${(error as Error).message}` },
      ],
    }
  }
  const result = schema.safeParse(json)
  if (!result.success)
    return { ok: false, reason: 'invalid', problems: describeIssues(result.error) }
  return { ok: true, value: result.data }
}

/**
 * Writes one value. Returns false instead of throwing when the browser refuses (its storage
 * quota is full, or storage is switched off), so callers can refuse the change as a whole.
 */
export function writeStored(storage: Storage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value))
    return true
  } catch {
    return false
  }
}

export const storageFullMessage =
  'The browser could not save this change: its storage may be full. Nothing was changed.'

/**
 * Runs async jobs one at a time. A PIN check awaits WebCrypto between reading and writing
 * the failed-attempt count, so without this two guesses at once could both count as one.
 */
export function createQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job)
    tail = run.catch(() => undefined)
    return run
  }
}
