import { createPinia } from 'pinia'
import { createApp } from 'vue'
import type { RouterHistory } from 'vue-router'
import App from './App.vue'
import { installErrorHandler } from './error-handler'
import { createKioskI18n } from './i18n'
import { createKioskRouter } from './router'
import { createVisitStores } from './stores/visit-stores'
import { visitResetPlugin } from './stores/visit-reset-plugin'

/**
 * The kiosk app with its stores, strings and routes: the same assembly runs in the page and,
 * at build time, to pre-render the start screen into index.html.
 */
export function createKioskApp(history?: RouterHistory) {
  const app = createApp(App)
  const pinia = createPinia()
  pinia.use(visitResetPlugin)
  app.use(pinia)
  app.use(createKioskI18n())
  const router = createKioskRouter(history)
  app.use(router)
  installErrorHandler(app, router)
  createVisitStores()
  return { app, pinia, router }
}
