import { computed } from 'vue'
import type { Block } from '@shared/content-schema'
import { useCurrentContent } from './useCurrentContent'

export type StretchBlock = Extract<Block, { kind: 'stretch' }>
type CalloutBlock = Extract<Block, { kind: 'callout' }>

const isWarning = (b: Block): b is CalloutBlock => b.kind === 'callout' && b.tone === 'warning'

/**
 * The guided stretches and their warnings, from the stretches sheet in the visitor's language.
 * Staff hiding that sheet also hides the guided stretches: same advice. The warning box with a
 * list says who should skip which stretches ("check first"); the one without says when to stop.
 */
export function useStretches() {
  const content = useCurrentContent()
  const sheet = computed(() => content.value?.sheets.find((s) => s.id === 'stretches' && s.visible))
  const stretches = computed(() =>
    (sheet.value?.blocks ?? []).filter((b): b is StretchBlock => b.kind === 'stretch'),
  )
  const checkFirst = computed(() => sheet.value?.blocks.find((b) => isWarning(b) && !!b.items))
  const warning = computed(() =>
    sheet.value?.blocks.find((b): b is CalloutBlock => isWarning(b) && !b.items),
  )
  return { content, sheet, stretches, checkFirst, warning }
}
