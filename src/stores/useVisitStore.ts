import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Locale } from '@shared/content-schema'

/** What one visitor chose during their visit; reset to clinic defaults when they leave. */
export const useVisitStore = defineStore('visit', () => {
  const locale = ref<Locale>('en')

  function setLocale(next: Locale): void {
    locale.value = next
  }

  return { locale, setLocale }
})
