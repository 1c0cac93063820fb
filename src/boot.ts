import type { Locale } from '@shared/content-schema'
import { useLanguageChoice } from './composables/useLanguageChoice'
import { createKioskApp } from './kiosk-app'
import type { EarlyStartCapture } from './start/early-start'
import { startVisit } from './start/start-visit'
import { useContentStore } from './stores/useContentStore'
import { useSettingsStore } from './stores/useSettingsStore'
import { useVisitStore } from './stores/useVisitStore'

/** Loads settings and content, then mounts the app over the pre-rendered start screen. */
export async function boot(early: EarlyStartCapture): Promise<void> {
  const { app, pinia, router } = createKioskApp()
  const settings = useSettingsStore()
  await settings.load()
  const visit = useVisitStore()
  visit.applyClinicDefaults(settings.settings)
  await useContentStore().load(settings.settings.defaultLocale)

  // Diagnostics for IT and the tests: the stores hold no personal data, only screen state.
  Object.defineProperty(window, 'kioskStateSnapshot', {
    value: () => JSON.stringify(pinia.state.value),
  })
  // The first screen is known before mounting, so the mount replaces the pre-rendered start
  // screen with the same screen, not with an empty frame.
  await router.isReady()
  app.mount('#app')
  early.stop()

  const { locale, started } = early.taken
  const enabled: readonly string[] = settings.settings.enabledLocales
  if (locale && enabled.includes(locale)) await useLanguageChoice()(locale as Locale)
  if (started && router.currentRoute.value.name === 'start') await startVisit(router, visit.locale)
}
