import { useRouter } from 'vue-router'
import { kiosk } from '@/platform'
import { sealVisitHistory } from '@/router'
import { useContentStore } from '@/stores/useContentStore'
import { useReadAloudStore } from '@/stores/useReadAloudStore'
import { useSettingsStore } from '@/stores/useSettingsStore'
import { useVisitStore } from '@/stores/useVisitStore'
import { resetVisitStores } from '@/stores/visit-reset-plugin'

/**
 * Ends a visit so the next person finds nothing of it: every visitor store back to its start,
 * the clinic's default language and text size, the start screen with no way Back into the
 * last visit's screens, and the page's own storage cleared.
 */
export function useVisitReset() {
  const router = useRouter()
  const settings = useSettingsStore()
  const content = useContentStore()
  const visit = useVisitStore()
  const reader = useReadAloudStore()

  return async function resetVisit(): Promise<void> {
    reader.stop()
    resetVisitStores()
    visit.applyClinicDefaults(settings.settings)
    content.keepOnly(settings.settings.defaultLocale)
    await router.replace({ name: 'start' })
    sealVisitHistory(router)
    await kiosk.endVisit()
  }
}
