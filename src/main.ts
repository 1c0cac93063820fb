import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createKioskI18n } from './i18n'
import { createKioskRouter } from './router'
import { useSettingsStore } from './stores/useSettingsStore'
import { useVisitStore } from './stores/useVisitStore'
import './styles/base.css'

async function boot(): Promise<void> {
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia)
  app.use(createKioskI18n())
  app.use(createKioskRouter())

  const settings = useSettingsStore()
  await settings.load()
  useVisitStore().setLocale(settings.settings.defaultLocale)
  app.mount('#app')
}

void boot()
