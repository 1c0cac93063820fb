import { computed } from 'vue'
import type { Block } from '@shared/content-schema'
import { useCurrentContent } from './useCurrentContent'

export type StretchBlock = Extract<Block, { kind: 'stretch' }>
type CalloutBlock = Extract<Block, { kind: 'callout' }>

/**
 * The guided stretches and their "stop if it hurts" warning, from the stretches sheet in the
 * visitor's language. Staff hiding that sheet also hides the guided stretches: same advice.
 */
export function useStretches() {
  const content = useCurrentContent()
  const sheet = computed(() => content.value?.sheets.find((s) => s.id === 'stretches' && s.visible))
  const stretches = computed(() =>
    (sheet.value?.blocks ?? []).filter((b): b is StretchBlock => b.kind === 'stretch'),
  )
  const warning = computed(() =>
    sheet.value?.blocks.find(
      (b): b is CalloutBlock => b.kind === 'callout' && b.tone === 'warning',
    ),
  )
  return { content, sheet, stretches, warning }
}
