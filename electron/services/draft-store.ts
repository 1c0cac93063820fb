import { join } from 'node:path'
import { z } from 'zod'
import { draftIdSchema, type Draft, type DraftId } from '../shared/contract'
import type { Problem } from '../shared/problem'
import { createQueue } from './atomic-file'
import { createJsonFile } from './json-file'

const fileSchema = z.strictObject({
  version: z.literal(1),
  drafts: z.array(z.strictObject({ id: draftIdSchema, at: z.iso.datetime(), data: z.unknown() })),
})

/**
 * Staff's unsaved work (the settings form, a page in the editor), kept as they type so that
 * walking away, the staff time-out or a reload of the page loses nothing; offered back at the
 * next sign-in. It lives in the backend because the page keeps nothing across a reload, and
 * only staff calls reach it. A draft is never shown to visitors and never applied by itself.
 */
export function createDraftStore(options: { dir: string; now?: () => Date }) {
  const now = options.now ?? (() => new Date())
  const file = createJsonFile(join(options.dir, 'staff-drafts.json'), fileSchema, {
    name: 'staff-drafts.json',
    now,
  })
  const exclusive = createQueue()
  let problems: Problem[] = []

  async function read(): Promise<Draft[]> {
    const result = await file.read()
    if (result.ok) return result.value.drafts
    if (result.reason !== 'missing') problems = result.problems
    return []
  }

  /** Newest first. */
  const list = () => exclusive(async () => (await read()).sort((a, b) => b.at.localeCompare(a.at)))

  function save(id: DraftId, data: unknown): Promise<void> {
    return exclusive(async () => {
      const others = (await read()).filter((draft) => draft.id !== id)
      await file.write({ version: 1, drafts: [...others, { id, at: now().toISOString(), data }] })
    })
  }

  function discard(id: DraftId): Promise<void> {
    return exclusive(async () => {
      const drafts = await read()
      if (!drafts.some((draft) => draft.id === id)) return
      await file.write({ version: 1, drafts: drafts.filter((draft) => draft.id !== id) })
    })
  }

  return { list, save, discard, problems: () => problems }
}
export type DraftStore = ReturnType<typeof createDraftStore>
