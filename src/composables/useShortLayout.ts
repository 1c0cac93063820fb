import { useMediaQuery } from '@vueuse/core'
import { storeToRefs } from 'pinia'
import { computed } from 'vue'
import { useVisitStore } from '@/stores/useVisitStore'

/**
 * The layout for normal text on a short landscape screen (1366 x 768, the smallest supported),
 * where a few screens place a box elsewhere or draw a picture smaller so all of it fits. The
 * style sheets use the same `max-height: 800px` with `data-text-size='normal'`; at larger text
 * those screens keep their usual layout and scroll inside, with a cue.
 */
export function useShortLayout() {
  const shortScreen = useMediaQuery('(orientation: landscape) and (max-height: 800px)')
  const { textSize } = storeToRefs(useVisitStore())
  return computed(() => shortScreen.value && textSize.value === 'normal')
}
