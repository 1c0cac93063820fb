import { defineStore } from 'pinia'
import { ref } from 'vue'
import { defaultSettings } from '@shared/settings-defaults'
import type { Settings } from '@shared/settings-schema'
import { kiosk } from '@/platform'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>(defaultSettings)

  async function load(): Promise<void> {
    settings.value = await kiosk.getSettings()
  }

  return { settings, load }
})
