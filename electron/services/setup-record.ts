import { join } from 'node:path'
import { z } from 'zod'
import type { Problem } from '../shared/problem'
import { createJsonFile } from './json-file'

export const setupRecordFileName = 'kiosk-setup.json'

const setupRecordSchema = z.strictObject({
  completedAt: z.iso.datetime(),
  /**
   * 'it-command': `--setup` or `--reset-staff-pin`. 'pin-found': a kiosk set up before this
   * record existed, known by its PIN file.
   */
  how: z.enum(['screen', 'it-command', 'pin-found', 'record-damaged']),
})
export type SetupHow = z.infer<typeof setupRecordSchema>['how']

/**
 * Whether this kiosk has ever been set up (and so has had a staff PIN), kept apart from the
 * PIN file: a PIN file that is later lost or damaged then leaves staff mode locked for IT
 * instead of offering the next person at the pad to choose a PIN.
 */
export function createSetupRecord(options: { dir: string; now?: () => Date }) {
  const now = options.now ?? (() => new Date())
  const file = createJsonFile(join(options.dir, setupRecordFileName), setupRecordSchema, {
    name: setupRecordFileName,
    now,
  })
  let problems: Problem[] = []
  /** A kiosk never goes back to "not set up" while it runs, so the file is read until it says so. */
  let knownDone = false

  async function write(how: SetupHow): Promise<void> {
    await file.write({ completedAt: now().toISOString(), how })
    knownDone = true
  }

  async function isDone(): Promise<boolean> {
    if (knownDone) return true
    const result = await file.read()
    if (result.ok) return (knownDone = true)
    if (result.reason === 'missing') return false
    // Only a set-up kiosk has this file, so a damaged one still says "set up": fail closed.
    problems = result.problems.map((p) => ({ ...p, fallback: 'treated-as-set-up' }))
    await write('record-damaged')
    return true
  }

  /** Notes that setup is done; an existing record (with its first date) is kept. */
  async function markDone(how: SetupHow): Promise<void> {
    if (!(await isDone())) await write(how)
  }

  return { isDone, markDone, problems: () => problems }
}
export type SetupRecord = ReturnType<typeof createSetupRecord>
