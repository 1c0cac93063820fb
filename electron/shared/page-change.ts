import type { ContentDocument } from './content-schema'

/** What a staff save of one page did, for the history: shown, hidden, or other words. */
export function classifyEdit(
  before: ContentDocument | null,
  after: ContentDocument,
): 'edit' | 'hide' | 'show' {
  if (!before || before.visible === after.visible) return 'edit'
  const same = JSON.stringify({ ...before, visible: after.visible }) === JSON.stringify(after)
  if (!same) return 'edit'
  return after.visible ? 'show' : 'hide'
}

/**
 * The parts of a page an undo takes back on its own: each field, and each block when the
 * number of blocks is the same before, after and now (else the blocks as a whole).
 */
function parts(doc: ContentDocument, byBlock: boolean): Map<string, string> {
  const found = new Map<string, string>()
  for (const [name, value] of Object.entries(doc)) {
    if (name === 'blocks' && byBlock) {
      doc.blocks.forEach((block, i) => found.set(`blocks.${i}`, JSON.stringify(block)))
    } else found.set(name, JSON.stringify(value))
  }
  return found
}

function fromParts(found: Map<string, string>): ContentDocument {
  const doc: Record<string, unknown> = {}
  const blocks: unknown[] = []
  for (const [name, json] of found) {
    const block = /^blocks\.(\d+)$/.exec(name)
    if (block) blocks[Number(block[1])] = JSON.parse(json)
    else doc[name] = JSON.parse(json)
  }
  if (!('blocks' in doc)) doc['blocks'] = blocks
  return doc as unknown as ContentDocument
}

export type UndoResult = { ok: true; doc: ContentDocument | null } | { ok: false }

/**
 * Takes one change to a page back and keeps every later change: each part the change made
 * goes back to how it was, unless it has been changed again since (then nothing is undone,
 * so no later work is lost). `null` is "no staff change": the page as it comes from below
 * (`base`, the shipped or content-pack text). The result is null when it is that text again.
 */
export function undoPageChange(change: {
  before: ContentDocument | null
  after: ContentDocument | null
  current: ContentDocument | null
  base: ContentDocument | null
}): UndoResult {
  const { base } = change
  if (JSON.stringify(change.current) === JSON.stringify(change.after))
    return { ok: true, doc: change.before }
  const [before, after, current] = [change.before, change.after, change.current].map(
    (doc) => doc ?? base,
  )
  if (!before || !after || !current) return { ok: false }
  const counts = new Set([before, after, current].map((doc) => doc.blocks.length))
  const byBlock = counts.size === 1
  const [was, made, now] = [before, after, current].map((doc) => parts(doc, byBlock))
  if (!was || !made || !now) return { ok: false }
  const names = new Set([...was.keys(), ...made.keys(), ...now.keys()])
  for (const name of names) {
    if (was.get(name) === made.get(name)) continue
    if (now.get(name) === was.get(name)) continue
    if (now.get(name) !== made.get(name)) return { ok: false }
    const back = was.get(name)
    if (back === undefined) now.delete(name)
    else now.set(name, back)
  }
  const doc = fromParts(now)
  return { ok: true, doc: base && JSON.stringify(doc) === JSON.stringify(base) ? null : doc }
}

/** The pages whose staff change differs between two sets of changes, before and after. */
export function changedPages(
  before: Record<string, ContentDocument>,
  after: Record<string, ContentDocument>,
): Record<string, { before: ContentDocument | null; after: ContentDocument | null }> {
  const pages: Record<string, { before: ContentDocument | null; after: ContentDocument | null }> =
    {}
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [was, now] = [before[key] ?? null, after[key] ?? null]
    if (JSON.stringify(was) !== JSON.stringify(now)) pages[key] = { before: was, after: now }
  }
  return pages
}
