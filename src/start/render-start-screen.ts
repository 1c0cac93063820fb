import { createMemoryHistory } from 'vue-router'
import { renderToString } from 'vue/server-renderer'
import type { LocaleContent } from '@shared/content-schema'
import { defaultSettings } from '@shared/settings-defaults'
import { createKioskApp } from '@/kiosk-app'
import { useContentStore } from '@/stores/useContentStore'

/**
 * The start screen's markup, as a fresh install shows it, for index.html: rendered at build
 * time (scripts/prerender-start-screen.ts, which loads the shipped content in Node) so the
 * first paint does not wait for the app.
 */
export async function renderStartScreen(content: LocaleContent): Promise<string> {
  const { app, router } = createKioskApp(createMemoryHistory())
  useContentStore().byLocale = { [defaultSettings.defaultLocale]: content }
  await router.push({ name: 'start' })
  await router.isReady()
  return renderToString(app)
}
