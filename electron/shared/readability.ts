import { syllable } from 'syllable'
import { blockTexts } from './block-text'
import type { ContentDocument, Locale } from './content-schema'
import { countSpanishSyllables } from './spanish-syllables'

/**
 * Readability measures for the content: the build-time check (`content:check`) and the live
 * reading-grade meter in the staff editor share this module, so it must stay free of Node and
 * DOM APIs.
 */

/**
 * The reading-level limits from the content brief, for every document a visitor reads: the
 * content check holds the shipped content to them and the staff editor's meter shows them.
 */
export const readabilityLimits = {
  /** English: Flesch-Kincaid grade at most this. */
  maxFkGrade: 6,
  /** Spanish: Fernández-Huerta reading ease at least this. */
  minFernandezHuerta: 70,
} as const

/** Counts that every readability formula is built from. */
export interface TextStats {
  words: number
  sentences: number
  syllables: number
  /** Words of three or more syllables, the unit SMOG is based on. */
  polysyllables: number
}

export interface ReadabilityReport extends TextStats {
  /** The sentence with the most words, as written (placeholders not replaced). */
  longestSentence: { text: string; words: number } | null
  /** Flesch-Kincaid grade, English only; null when there is no text. */
  fkGrade: number | null
  /** SMOG grade, English only; null below {@link SMOG_MIN_SENTENCES} sentences. */
  smog: number | null
  /** Fernández-Huerta reading ease, Spanish only; null when there is no text. */
  fernandezHuerta: number | null
}

/** SMOG was calibrated on 30-sentence samples; on fewer it gives misleading grades. */
export const SMOG_MIN_SENTENCES = 30

/**
 * The body text units of a section or sheet, in reading order. Placeholders are kept as
 * written; {@link analyseText} replaces them, so editor text and file text are measured alike.
 */
export function documentBodyText(doc: ContentDocument): string[] {
  return doc.blocks.flatMap((block) => blockTexts(block, { titles: false }))
}

/**
 * Stand-ins for the placeholders staff settings fill in. A realistic spoken length matters more
 * than the value: "911" as a bare number would still be counted, but as digits, not words.
 */
const placeholderWords: Record<Locale, Record<string, string>> = {
  en: {
    emergencyNumber: 'nine one one',
    clinicName: 'the clinic',
    clinicPhone: 'the clinic',
    collectionPoint: 'the clinic',
  },
  es: {
    emergencyNumber: 'nueve uno uno',
    clinicName: 'la clínica',
    clinicPhone: 'la clínica',
    collectionPoint: 'la clínica',
  },
}

/** Replaces known `{placeholder}`s by neutral words; unknown ones are left for staff to spot. */
export function replacePlaceholders(text: string, locale: Locale): string {
  return text.replace(
    /\{(\w+)\}/g,
    (match, name: string) => placeholderWords[locale][name] ?? match,
  )
}

/** Abbreviations whose final dot does not end a sentence (lowercase, without that dot). */
const abbreviations = new Set([
  'e.g',
  'i.e',
  'dr',
  'dra',
  'mr',
  'mrs',
  'ms',
  'sr',
  'sra',
  'srta',
  'vs',
  'p',
  'ej',
])

/** End punctuation (with any closing quotes or brackets) followed by a space or the end. */
const sentenceEnd = /[.!?…]+["'”’»)\]]*(?=\s|$)/gu
const wordBeforeDot = /([\p{L}][\p{L}.]*)$/u
const hasWordChar = /[\p{L}\p{N}]/u

/**
 * Splits one text unit into sentences. A unit is never joined to the next, so a list item with
 * no full stop is still a sentence. Decimals (1.5) are safe because the dot is not followed by a
 * space; Spanish openers ¿ and ¡ never split, their closers do.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  let start = 0
  for (const match of text.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length
    if (match[0] === '.') {
      const before = text.slice(start, match.index).match(wordBeforeDot)?.[1]
      if (before && abbreviations.has(before.toLowerCase())) continue
    }
    sentences.push(text.slice(start, end))
    start = end
  }
  sentences.push(text.slice(start))
  return sentences.map((piece) => piece.trim()).filter((piece) => hasWordChar.test(piece))
}

/**
 * Words are runs of letters or digits, joined by apostrophes (don't, child's) or hyphens
 * (self-care), with decimal separators inside numbers (1.5, 1,5).
 */
const wordPattern =
  /[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*(?:['’\u2010\u2011-][\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*)*/gu

export function tokenizeWords(text: string): string[] {
  return [...text.normalize('NFC').matchAll(wordPattern)].map((match) => match[0])
}

/**
 * Numbers are counted by their digits, one syllable each up to three (8 → 1, 30 → 2,
 * 100 → 3). Spoken forms vary too much by value and language to do better cheaply, numbers are
 * rare in the content, and the cap stops a year or phone number from skewing a section.
 */
function numberSyllables(digits: string): number {
  return Math.min(3, Math.max(1, digits.replace(/\D/g, '').length))
}

function letterSyllables(letters: string, locale: Locale): number {
  if (locale === 'es') return countSpanishSyllables(letters)
  return Math.max(1, syllable(letters.replace(/’/g, "'")))
}

/** Syllables of one word from {@link tokenizeWords}; hyphenated parts are counted separately. */
export function countWordSyllables(word: string, locale: Locale): number {
  return word
    .split(/[\u2010\u2011-]/)
    .flatMap((part) => part.match(/\p{N}+(?:[.,]\p{N}+)*|[^\p{N}]+/gu) ?? [])
    .reduce(
      (total, piece) =>
        total + (/^\p{N}/u.test(piece) ? numberSyllables(piece) : letterSyllables(piece, locale)),
      0,
    )
}

/** Flesch-Kincaid grade: 0.39 × words/sentences + 11.8 × syllables/words − 15.59. */
export function fleschKincaidGrade(stats: TextStats): number | null {
  if (stats.words === 0 || stats.sentences === 0) return null
  return 0.39 * (stats.words / stats.sentences) + 11.8 * (stats.syllables / stats.words) - 15.59
}

/**
 * SMOG grade: 1.0430 × √(polysyllables × 30 / sentences) + 3.1291. The formula itself works on
 * any count; callers should only trust it from {@link SMOG_MIN_SENTENCES} sentences up.
 */
export function smogGrade(stats: TextStats): number | null {
  if (stats.sentences === 0) return null
  return 1.043 * Math.sqrt((stats.polysyllables * 30) / stats.sentences) + 3.1291
}

/**
 * Fernández-Huerta reading ease for Spanish: 206.84 − 0.60 × P − 1.02 × W, with P syllables per
 * 100 words and W words per sentence. Higher is easier; 70 and up reads as fairly easy. The
 * version often quoted with "sentences per 100 words" for W is a transcription error of
 * Fernández-Huerta (1959): it makes longer sentences score as easier.
 */
export function fernandezHuerta(stats: TextStats): number | null {
  if (stats.words === 0 || stats.sentences === 0) return null
  const syllablesPer100 = (stats.syllables / stats.words) * 100
  const wordsPerSentence = stats.words / stats.sentences
  return 206.84 - 0.6 * syllablesPer100 - 1.02 * wordsPerSentence
}

/** Measures text units (paragraphs, list items…) in one locale, with the formulas that suit it. */
export function analyseText(units: readonly string[], locale: Locale): ReadabilityReport {
  const stats: TextStats = { words: 0, sentences: 0, syllables: 0, polysyllables: 0 }
  let longestSentence: ReadabilityReport['longestSentence'] = null

  for (const unit of units) {
    for (const sentence of splitSentences(unit)) {
      const words = tokenizeWords(replacePlaceholders(sentence, locale))
      if (words.length === 0) continue
      stats.sentences += 1
      stats.words += words.length
      for (const word of words) {
        const count = countWordSyllables(word, locale)
        stats.syllables += count
        if (count >= 3) stats.polysyllables += 1
      }
      if (!longestSentence || words.length > longestSentence.words)
        longestSentence = { text: sentence, words: words.length }
    }
  }

  return {
    ...stats,
    longestSentence,
    fkGrade: locale === 'en' ? fleschKincaidGrade(stats) : null,
    smog: locale === 'en' && stats.sentences >= SMOG_MIN_SENTENCES ? smogGrade(stats) : null,
    fernandezHuerta: locale === 'es' ? fernandezHuerta(stats) : null,
  }
}
