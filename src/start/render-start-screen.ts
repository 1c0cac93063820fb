import { createMemoryHistory } from 'vue-router'
import { renderToString } from 'vue/server-renderer'
import { describeProblems } from '@shared/contract'
import { defaultSettings } from '@shared/settings-defaults'
import { createKioskApp } from '@/kiosk-app'
import { shippedContent } from '@/platform/browser-content'
import { useContentStore } from '@/stores/useContentStore'

/**
 * The start screen's markup, as a fresh install shows it, for index.html: rendered at build
 * time (scripts/prerender-start-screen.ts) so the first paint does not wait for the app.
 */
export async function renderStartScreen(): Promise<string> {
  const locale = defaultSettings.defaultLocale
  const { content, problems } = await shippedContent(locale)
  if (!content)
    throw new Error(
      `the start screen cannot be rendered without content: ${describeProblems(problems)}`,
    )
  const { app, router } = createKioskApp(createMemoryHistory())
  useContentStore().byLocale = { [locale]: content }
  await router.push({ name: 'start' })
  await router.isReady()
  return renderToString(app)
}
