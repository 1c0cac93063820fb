import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useContentStore } from '@/stores/useContentStore'
import { useVisitStore } from '@/stores/useVisitStore'
import { useScreenLocale } from './useScreenLocale'

/**
 * The content in the visitor's language. Switching language loads that locale's content once
 * and re-renders the current screen in place.
 */
export function useCurrentContent() {
  const content = useContentStore()
  const visit = useVisitStore()
  const { locale } = useI18n({ useScope: 'global' })
  const screenLocale = useScreenLocale()

  watch(
    screenLocale,
    (next) => {
      locale.value = next
      // Rendered at build time too (the start screen), where there is no document.
      if (!import.meta.env.SSR) document.documentElement.lang = next
    },
    { immediate: true },
  )
  // Also when the language's content is dropped while on screen: a content pack switched on
  // the start screen reloads one language, and the visitor may have chosen the other meanwhile.
  watch(
    () => [visit.locale, content.byLocale[visit.locale]] as const,
    ([next, shown]) => {
      if (!shown) void content.load(next)
    },
    { immediate: true },
  )

  return computed(() => content.byLocale[visit.locale])
}
