import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Locale } from '@shared/content-schema'
import { defaultSettings, staffLocaleOf } from '@shared/settings-defaults'
import type { Settings } from '@shared/settings-schema'
import { kiosk } from '@/platform'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>(defaultSettings)
  /** A staff language chosen on a screen that saves it later (first-run setup), shown at once. */
  const staffLocalePreview = ref<Locale | null>(null)
  /** The language of staff screens, the PIN pad and staff messages, whatever visitors chose. */
  const staffLocale = computed(() => staffLocalePreview.value ?? staffLocaleOf(settings.value))

  async function load(): Promise<void> {
    settings.value = await kiosk.getSettings()
  }

  function previewStaffLocale(locale: Locale | null): void {
    staffLocalePreview.value = locale
  }

  return { settings, staffLocale, load, previewStaffLocale }
})
