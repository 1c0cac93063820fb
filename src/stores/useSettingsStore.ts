import { defineStore } from 'pinia'
import { ref } from 'vue'
import { defaultSettings } from '@shared/settings-defaults'
import type { Settings } from '@shared/settings-schema'
import { kioskApi } from '@/platform'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>(defaultSettings)

  async function load(): Promise<void> {
    settings.value = await (await kioskApi()).getSettings()
  }

  return { settings, load }
})
