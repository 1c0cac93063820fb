import type { Locale } from '@shared/content-schema'
import { useContentStore } from '@/stores/useContentStore'
import { useVisitStore } from '@/stores/useVisitStore'

// The language asked for last: a visitor who taps both languages quickly ends in the second.
let latest: Locale | undefined
let choosing: Promise<void> = Promise.resolve()

/** Resolves once the language the visitor tapped last is on screen (or could not be loaded). */
export const languageChosen = (): Promise<void> => choosing

/**
 * Switches the visitor's language once that language's content is here, so the screen they
 * are on changes its words in place instead of blinking to "Loading" and back.
 */
export function useLanguageChoice() {
  const content = useContentStore()
  const visit = useVisitStore()
  async function switchTo(locale: Locale): Promise<void> {
    // Content that could not be read keeps the visitor in the language they can still read.
    const here = Boolean(content.byLocale[locale]) || (await content.load(locale))
    if (here && latest === locale) visit.setLocale(locale)
  }
  return function chooseLanguage(locale: Locale): Promise<void> {
    latest = locale
    choosing = switchTo(locale)
    return choosing
  }
}
