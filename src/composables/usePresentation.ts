import { useMediaQuery } from '@vueuse/core'
import { storeToRefs } from 'pinia'
import { computed, watchEffect } from 'vue'
import { useVisitStore } from '@/stores/useVisitStore'

/**
 * Mirrors the visitor's text size, contrast and the screen's orientation onto <html>, where
 * the style sheet reads them, so every screen follows without each view knowing.
 */
export function usePresentation() {
  const { textSize, highContrast } = storeToRefs(useVisitStore())
  const portrait = useMediaQuery('(orientation: portrait)')
  const orientation = computed(() => (portrait.value ? 'portrait' : 'landscape'))

  watchEffect(() => {
    // The start screen is also rendered at build time, where there is no document.
    if (import.meta.env.SSR) return
    const root = document.documentElement
    root.dataset['textSize'] = textSize.value
    root.dataset['orientation'] = orientation.value
    root.classList.toggle('high-contrast', highContrast.value)
  })

  return { orientation }
}
