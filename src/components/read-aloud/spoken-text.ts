import type { Locale } from '@shared/content-schema'

/** The clinic settings content text may name as {placeholders}. */
export type PlaceholderValues = Partial<
  Record<'emergencyNumber' | 'clinicName' | 'clinicPhone' | 'collectionPoint', string>
>

const placeholder = /\{(emergencyNumber|clinicName|clinicPhone|collectionPoint)\}/g
/** Numbers a person dials are said digit by digit: "nine one one", not "nine hundred eleven". */
const dialled = new Set(['emergencyNumber', 'clinicPhone'])

/** Content text as shown: each {placeholder} replaced by what staff set (left as is if unset). */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(placeholder, (match, key: keyof PlaceholderValues) => values[key] || match)
}

const rangeWord: Record<Locale, string> = { en: 'to', es: 'a' }

/**
 * A sentence of content as it is said: numbers to dial digit by digit, ranges such as "16–20"
 * as "16 to 20", and no symbols a voice would read out literally. Built from the content, not
 * from the page, so no button label or doubled full stop ever reaches the voice.
 */
export function spokenText(text: string, locale: Locale, values: PlaceholderValues): string {
  return text
    .replace(placeholder, (match, key: keyof PlaceholderValues) => {
      const value = values[key]
      if (!value) return ''
      return dialled.has(key) ? sayDigits(value) : value
    })
    .replace(/(\d)\s*[–—-]\s*(\d)/g, `$1 ${rangeWord[locale]} $2`)
    .replace(/[…·•]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** "555-0100" as "5 5 5, 0 1 0 0": each digit a word, a pause where the number has a break. */
function sayDigits(number: string): string {
  return number
    .split(/[^0-9+]+/)
    .filter(Boolean)
    .map((group) => group.replace('+', 'plus ').split('').join(' ').replace(/ {2,}/g, ' '))
    .join(', ')
}

/**
 * A text cut into its sentences, each with the spaces after it, so the pieces joined are the
 * text exactly: the page shows the same words it reads, one highlighted sentence at a time.
 */
export function sentences(text: string, locale: Locale): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' })
  return [...segmenter.segment(text)].map((part) => part.segment)
}
