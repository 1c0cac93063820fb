import type { Locale } from '@shared/content-schema'

/** The kind of voice a visitor of a US clinic expects first, then any other of the language. */
const preferredRegions: Record<Locale, string[]> = {
  en: ['en-us', 'en'],
  es: ['es-us', 'es-mx', 'es-419', 'es'],
}

type Voice = Pick<SpeechSynthesisVoice, 'lang' | 'localService'>

/**
 * The voice to read in: one that speaks the visitor's language, from the region the clinic's
 * visitors most likely speak, on this computer rather than over a network. Undefined where no
 * voice speaks the language, and then the kiosk offers no reading aloud.
 */
export function chooseVoice<V extends Voice>(voices: readonly V[], locale: Locale): V | undefined {
  const language = (voice: V) => voice.lang.toLowerCase().replace('_', '-')
  const speaking = voices.filter((voice) => language(voice).split('-')[0] === locale)
  const rank = (voice: V) => {
    const region = preferredRegions[locale].indexOf(language(voice))
    return (
      (region < 0 ? preferredRegions[locale].length : region) * 2 + (voice.localService ? 0 : 1)
    )
  }
  // A stable sort keeps the computer's own order (its plain voice before its variants).
  return [...speaking].sort((a, b) => rank(a) - rank(b))[0]
}
