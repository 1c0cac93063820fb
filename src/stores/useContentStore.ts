import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Locale, LocaleContent } from '@shared/content-schema'
import type { Problem } from '@shared/contract'
import { kiosk } from '@/platform'

export const useContentStore = defineStore('content', () => {
  const byLocale = shallowRef<Partial<Record<Locale, LocaleContent>>>({})
  const problems = ref<Problem[]>([])
  const failed = ref(false)

  /** Loads one language's content; false when it could not be read. */
  async function load(locale: Locale): Promise<boolean> {
    try {
      const result = await kiosk.getContent(locale)
      byLocale.value = { ...byLocale.value, [locale]: result.content }
      problems.value = result.problems
      failed.value = false
      return true
    } catch (error) {
      console.warn('content could not be loaded', error)
      failed.value = true
      return false
    }
  }

  /** New content in one language, the others dropped: after the kiosk switched content packs. */
  async function reload(locale: Locale): Promise<void> {
    const result = await kiosk.getContent(locale)
    byLocale.value = { [locale]: result.content }
    problems.value = result.problems
    failed.value = false
  }

  /** Drops other languages' content, so nothing shows which language the last visitor chose. */
  function keepOnly(locale: Locale): void {
    const kept = byLocale.value[locale]
    byLocale.value = kept ? { [locale]: kept } : {}
  }

  return { byLocale, problems, failed, load, reload, keepOnly }
})
