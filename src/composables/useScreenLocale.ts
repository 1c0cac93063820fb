import { computed } from 'vue'
import { useRoute } from 'vue-router'
import type { Locale } from '@shared/content-schema'
import { useSettingsStore } from '@/stores/useSettingsStore'
import { useVisitStore } from '@/stores/useVisitStore'

/**
 * The language of the words on screen: the visitor's on visitor screens, the staff language
 * (settings) on staff screens, the PIN pad and first-run setup, whatever the visitor chose.
 */
export function useScreenLocale() {
  const route = useRoute()
  const visit = useVisitStore()
  const settings = useSettingsStore()
  return computed<Locale>(() =>
    route.meta['staff'] === true || route.meta['setup'] === true
      ? settings.staffLocale
      : visit.locale,
  )
}
