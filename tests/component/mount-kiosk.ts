import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import { createKioskI18n } from '@/i18n'
import { loadStaffWords } from '@/i18n/staff-words'
import { createKioskRouter } from '@/router'
import { useContentStore } from '@/stores/useContentStore'
import { useSettingsStore } from '@/stores/useSettingsStore'

/**
 * Mounts a view the way the app does: real Pinia, i18n and router, with the settings and the
 * shipped content loaded from the real backend (tests/component/setup.ts starts one per test).
 */
export async function mountKiosk(
  component: Component,
  options: { path?: string; props?: Record<string, unknown> } = {},
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createKioskRouter()
  await router.push(options.path ?? '/')
  await router.isReady()
  await useSettingsStore().load()
  await useContentStore().load('en')
  // The app loads these on the way into staff mode; a view mounted on its own has no way in.
  await loadStaffWords()
  const i18n = createKioskI18n()
  const wrapper = mount(component, {
    props: options.props,
    global: { plugins: [pinia, i18n, router] },
  })
  await new Promise((resolve) => setTimeout(resolve, 0))
  return { wrapper, router, pinia }
}
