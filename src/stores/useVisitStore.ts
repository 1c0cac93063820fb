import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Locale } from '@shared/content-schema'
import type { Settings, TextSize } from '@shared/settings-schema'

/** What one visitor chose during their visit; reset to the clinic defaults when they leave. */
export const useVisitStore = defineStore('visit', () => {
  const locale = ref<Locale>('en')
  const textSize = ref<TextSize>('normal')
  const highContrast = ref(false)

  function setLocale(next: Locale): void {
    locale.value = next
  }
  function setTextSize(next: TextSize): void {
    textSize.value = next
  }
  function toggleContrast(): void {
    highContrast.value = !highContrast.value
  }
  /** A new visit starts in the clinic's default language, text size and contrast. */
  function applyClinicDefaults(
    settings: Pick<Settings, 'defaultLocale' | 'defaultTextSize' | 'defaultContrast'>,
  ): void {
    locale.value = settings.defaultLocale
    textSize.value = settings.defaultTextSize
    highContrast.value = settings.defaultContrast === 'high'
  }

  return {
    locale,
    textSize,
    highContrast,
    setLocale,
    setTextSize,
    toggleContrast,
    applyClinicDefaults,
  }
})
