import type { Block, ContentDocument } from './content-schema'

/**
 * Sections a visitor must always be able to reach: "When to get help" holds the emergency
 * list, the "Should I get help?" check starts from it and other pages point to it. No edit,
 * content pack or import may hide it, move it from the top or take its emergency list away.
 */
const safetySectionIds: readonly string[] = ['get-help']

export const isSafetySection = (kind: 'section' | 'sheet', id: string) =>
  kind === 'section' && safetySectionIds.includes(id)

/** What a change to a safety section breaks: a path inside the document and the rule. */
export interface SafetyIssue {
  path: (string | number)[]
  rule: 'safety-page-shown' | 'emergency-list-kept'
}

const isEmergencyCallout = (block: Block) => block.kind === 'callout' && block.tone === 'emergency'

/**
 * A safety section stays shown, keeps at least one emergency box, and every emergency box
 * keeps its list of signs. Only the sections listed above are checked.
 */
export function safetyIssues(kind: 'section' | 'sheet', doc: ContentDocument): SafetyIssue[] {
  if (!isSafetySection(kind, doc.id)) return []
  const issues: SafetyIssue[] = []
  if (!doc.visible) issues.push({ path: ['visible'], rule: 'safety-page-shown' })
  const emergencies = doc.blocks.flatMap((block, index) =>
    isEmergencyCallout(block) ? [{ block, index }] : [],
  )
  if (emergencies.length === 0) issues.push({ path: ['blocks'], rule: 'emergency-list-kept' })
  for (const { block, index } of emergencies) {
    if (block.kind === 'callout' && !block.items?.length)
      issues.push({ path: ['blocks', index, 'items'], rule: 'emergency-list-kept' })
  }
  return issues
}

/**
 * Documents in the order visitors see them: safety sections first, then by their order
 * number (a stable sort, so equal numbers keep their sequence).
 */
export function inShownOrder(
  kind: 'section' | 'sheet',
  docs: ContentDocument[],
): ContentDocument[] {
  const rank = (doc: ContentDocument) => (isSafetySection(kind, doc.id) ? 0 : 1)
  return [...docs].sort((a, b) => rank(a) - rank(b) || a.order - b.order)
}
