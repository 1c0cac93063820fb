import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { installErrorHandler } from './error-handler'
import { createKioskI18n } from './i18n'
import { createKioskRouter } from './router'
import { useContentStore } from './stores/useContentStore'
import { useSettingsStore } from './stores/useSettingsStore'
import { createVisitStores } from './stores/visit-stores'
import { useVisitStore } from './stores/useVisitStore'
import { visitResetPlugin } from './stores/visit-reset-plugin'
import './styles/base.css'

async function boot(): Promise<void> {
  const app = createApp(App)
  const pinia = createPinia()
  pinia.use(visitResetPlugin)
  app.use(pinia)
  app.use(createKioskI18n())
  const router = createKioskRouter()
  app.use(router)
  installErrorHandler(app, router)

  const settings = useSettingsStore()
  await settings.load()
  createVisitStores()
  useVisitStore().applyClinicDefaults({
    locale: settings.settings.defaultLocale,
    textSize: settings.settings.defaultTextSize,
  })
  await useContentStore().load(settings.settings.defaultLocale)

  // Diagnostics for IT and the tests: the stores hold no personal data, only screen state.
  Object.defineProperty(window, 'kioskStateSnapshot', {
    value: () => JSON.stringify(pinia.state.value),
  })
  app.mount('#app')
}

void boot()
