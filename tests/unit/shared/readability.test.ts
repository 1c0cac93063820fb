import { describe, expect, it } from 'vitest'
import type { ContentDocument } from '../../../electron/shared/content-schema'
import {
  analyseText,
  countWordSyllables,
  documentBodyText,
  fernandezHuerta,
  fleschKincaidGrade,
  replacePlaceholders,
  smogGrade,
  splitSentences,
  tokenizeWords,
} from '../../../electron/shared/readability'
import { countSpanishSyllables } from '../../../electron/shared/spanish-syllables'

describe('Flesch-Kincaid grade', () => {
  it('scores a one-sentence text of one-syllable words', () => {
    // 6 words, 1 sentence, 6 syllables:
    // 0.39 × 6/1 + 11.8 × 6/6 − 15.59 = 2.34 + 11.8 − 15.59 = −1.45
    const result = analyseText(['The cat sat on the mat.'], 'en')
    expect(result).toMatchObject({ words: 6, sentences: 1, syllables: 6, polysyllables: 0 })
    expect(result.fkGrade).toBeCloseTo(-1.45, 6)
  })

  it('scores long words as a high grade', () => {
    // med-i-ca-tion 4, is 1, im-por-tant 3 | ex-er-cise 3, helps 1, re-cov-er-y 4
    // 6 words, 2 sentences, 16 syllables, 4 polysyllables:
    // 0.39 × 6/2 + 11.8 × 16/6 − 15.59 = 1.17 + 31.4667 − 15.59 = 17.0467
    const result = analyseText(['Medication is important.', 'Exercise helps recovery.'], 'en')
    expect(result).toMatchObject({ words: 6, sentences: 2, syllables: 16, polysyllables: 4 })
    expect(result.fkGrade).toBeCloseTo(17.0467, 3)
    expect(result.fernandezHuerta).toBeNull()
  })

  it('has no grade for empty text', () => {
    expect(
      fleschKincaidGrade({ words: 0, sentences: 0, syllables: 0, polysyllables: 0 }),
    ).toBeNull()
    expect(analyseText([], 'en')).toMatchObject({ words: 0, fkGrade: null, longestSentence: null })
  })
})

describe('SMOG grade', () => {
  it('uses the formula on given counts', () => {
    // 1.0430 × √(3 × 30 / 30) + 3.1291 = 1.0430 × 1.73205 + 3.1291 = 1.80653 + 3.1291 = 4.93563
    expect(smogGrade({ words: 300, sentences: 30, syllables: 400, polysyllables: 3 })).toBeCloseTo(
      4.93563,
      4,
    )
  })

  it('is reported from 30 sentences, and not below', () => {
    // Each sentence has 2 polysyllables (exercise, recovery): 30 sentences → 60.
    // 1.0430 × √(60 × 30 / 30) + 3.1291 = 1.0430 × 7.74597 + 3.1291 = 8.07904 + 3.1291 = 11.20814
    const sentence = 'Exercise helps recovery.'
    const thirty = analyseText(
      Array.from({ length: 30 }, () => sentence),
      'en',
    )
    expect(thirty).toMatchObject({ sentences: 30, polysyllables: 60 })
    expect(thirty.smog).toBeCloseTo(11.20814, 4)

    const twentyNine = analyseText(
      Array.from({ length: 29 }, () => sentence),
      'en',
    )
    expect(twentyNine.smog).toBeNull()
  })
})

describe('Fernández-Huerta', () => {
  it('scores a short Spanish text', () => {
    // El 1, do-lor 2, de 1, es-pal-da 3, es 1, co-mún 2 → 6 words, 10 syllables
    // Ca-mi-ne 3, un 1, po-co 2, ca-da 2, dí-a 2 → 5 words, 10 syllables
    // 11 words, 20 syllables, 2 sentences:
    // P = 20/11 × 100 = 181.8182, W = 11/2 = 5.5
    // 206.84 − 0.60 × 181.8182 − 1.02 × 5.5 = 206.84 − 109.0909 − 5.61 = 92.1391
    const result = analyseText(['El dolor de espalda es común. Camine un poco cada día.'], 'es')
    expect(result).toMatchObject({ words: 11, sentences: 2, syllables: 20 })
    expect(result.fernandezHuerta).toBeCloseTo(92.1391, 3)
    expect(result.fkGrade).toBeNull()
    expect(result.smog).toBeNull()
  })

  it('uses words per sentence, not sentences per 100 words', () => {
    // P = 200, W = 100/5 = 20: 206.84 − 120 − 20.4 = 66.44
    // (the mistaken "sentences per 100 words" version would give 206.84 − 120 − 5.1 = 81.74)
    expect(
      fernandezHuerta({ words: 100, sentences: 5, syllables: 200, polysyllables: 0 }),
    ).toBeCloseTo(66.44, 6)
  })

  it('scores the same words lower as one long sentence than as short sentences', () => {
    const short = [
      'Camine un poco cada día.',
      'Use calor en la espalda.',
      'Pida ayuda si no mejora.',
      'Tome la medicina con comida.',
    ]
    // The same words and syllables, run together with commas into one sentence.
    const long = [`${short.map((sentence) => sentence.replace(/\.$/, '')).join(', ')}.`]
    const split = analyseText(short, 'es')
    const joined = analyseText(long, 'es')
    expect(joined.sentences).toBe(1)
    expect(split.sentences).toBe(4)
    expect(joined).toMatchObject({ words: split.words, syllables: split.syllables })
    expect(joined.fernandezHuerta!).toBeLessThan(split.fernandezHuerta! - 10)
  })
})

describe('Spanish syllables', () => {
  const words: [string, number][] = [
    ['espalda', 3],
    ['músculo', 3],
    ['dolor', 2],
    ['columna', 3],
    ['paracetamol', 5],
    ['acetaminofén', 6],
    ['ibuprofeno', 5],
    // hiatus: two strong vowels, or an accented i/u
    ['poeta', 3],
    ['caer', 2],
    ['leer', 2],
    ['día', 2],
    ['país', 2],
    ['reír', 2],
    ['leía', 3],
    ['ciática', 3],
    // diphthongs and triphthongs
    ['aire', 2],
    ['ciudad', 2],
    ['cuidado', 3],
    ['agua', 2],
    ['estudiáis', 3],
    // silent u in que, qui, gue, gui; spoken ü
    ['que', 1],
    ['aquí', 2],
    ['guerra', 2],
    ['guitarra', 3],
    ['pingüino', 3],
    ['vergüenza', 3],
    ['averigüéis', 4],
    // final y closes a diphthong; y before a vowel is a consonant
    ['hoy', 1],
    ['muy', 1],
    ['y', 1],
    ['ayuda', 3],
    // h is silent and does not separate vowels
    ['huevo', 2],
    ['ahora', 3],
    ['búho', 2],
    ['hay', 1],
    // capitals and abbreviations
    ['ESPALDA', 3],
    ['km', 1],
  ]
  it.each(words)('%s has %i', (word, expected) => {
    expect(countSpanishSyllables(word)).toBe(expected)
  })
})

describe('sentence splitting', () => {
  it('splits on . ! ? followed by a space or the end', () => {
    expect(splitSentences('Rest a little. Then walk! Does it help?')).toEqual([
      'Rest a little.',
      'Then walk!',
      'Does it help?',
    ])
  })

  it('keeps Spanish ¿…? and ¡…! together and splits after the closer', () => {
    expect(splitSentences('¿Qué es un espasmo? Es un músculo que se aprieta.')).toEqual([
      '¿Qué es un espasmo?',
      'Es un músculo que se aprieta.',
    ])
    expect(splitSentences('Si le duele, ¿debe ir al médico? ¡Sí, hoy mismo!')).toEqual([
      'Si le duele, ¿debe ir al médico?',
      '¡Sí, hoy mismo!',
    ])
  })

  it('does not split decimals or common abbreviations', () => {
    expect(splitSentences('Take 1.5 tablets, e.g. with food. Then rest.')).toEqual([
      'Take 1.5 tablets, e.g. with food.',
      'Then rest.',
    ])
    expect(splitSentences('Tome 1,5 mg, p. ej. con comida.')).toHaveLength(1)
  })

  it('ignores pieces without words', () => {
    expect(splitSentences('Stop!!! ... Rest.')).toEqual(['Stop!!!', 'Rest.'])
    expect(splitSentences(' … ')).toEqual([])
  })

  it('counts each list item as a sentence even without a full stop', () => {
    const result = analyseText(['Walk every day', 'Use heat', 'Rest. Then walk'], 'en')
    expect(result.sentences).toBe(4)
    expect(result.words).toBe(8)
  })
})

describe('words and syllables', () => {
  it('keeps apostrophes, hyphens, accents and decimals inside words', () => {
    expect(tokenizeWords("Don't stop self-care; take 1.5 mg, o 1,5 café’s.")).toEqual([
      "Don't",
      'stop',
      'self-care',
      'take',
      '1.5',
      'mg',
      'o',
      '1,5',
      'café’s',
    ])
    expect(tokenizeWords('¿Qué día?')).toEqual(['Qué', 'día'])
    expect(tokenizeWords('15–20 minutes')).toEqual(['15', '20', 'minutes'])
  })

  it('counts English words, hyphenated parts and numbers', () => {
    expect(countWordSyllables("don't", 'en')).toBe(1)
    expect(countWordSyllables('self-care', 'en')).toBe(2)
    expect(countWordSyllables('dolor-espalda', 'es')).toBe(5)
    // A number counts one syllable per digit, at most three.
    expect(countWordSyllables('8', 'en')).toBe(1)
    expect(countWordSyllables('30', 'es')).toBe(2)
    expect(countWordSyllables('1.5', 'en')).toBe(2)
    expect(countWordSyllables('2026', 'en')).toBe(3)
  })
})

describe('placeholders', () => {
  it('reads the emergency number as three spoken words, not as nothing', () => {
    // Call 1, nine 1, one 1, one 1, now 1
    const en = analyseText(['Call {emergencyNumber} now.'], 'en')
    expect(en).toMatchObject({ words: 5, syllables: 5, sentences: 1 })
    // Lla-me 2, al 1, nue-ve 2, u-no 2, u-no 2
    const es = analyseText(['Llame al {emergencyNumber}.'], 'es')
    expect(es).toMatchObject({ words: 5, syllables: 9 })
  })

  it('reads the clinic placeholders as "the clinic" / "la clínica"', () => {
    for (const name of ['clinicName', 'clinicPhone', 'collectionPoint']) {
      expect(replacePlaceholders(`Call {${name}}.`, 'en')).toBe('Call the clinic.')
      expect(replacePlaceholders(`Llame a {${name}}.`, 'es')).toBe('Llame a la clínica.')
    }
    // the 1, clin-ic 2 | la 1, clí-ni-ca 3
    expect(analyseText(['{clinicName}'], 'en')).toMatchObject({ words: 2, syllables: 3 })
    expect(analyseText(['{clinicName}'], 'es')).toMatchObject({ words: 2, syllables: 4 })
  })

  it('shows the longest sentence as written, and leaves unknown placeholders alone', () => {
    const result = analyseText(['Rest.', 'Call {emergencyNumber} if you cannot move.'], 'en')
    expect(result.longestSentence).toEqual({
      text: 'Call {emergencyNumber} if you cannot move.',
      words: 8,
    })
    expect(replacePlaceholders('See {somethingNew}.', 'en')).toBe('See {somethingNew}.')
  })
})

describe('document body text', () => {
  const doc: ContentDocument = {
    id: 'sample',
    title: 'Title text',
    summary: 'Summary text',
    illustration: 'section-sample',
    order: 1,
    visible: true,
    lastReviewed: '2026-11-01',
    sources: [{ organisation: 'NHS', title: 'Back pain' }],
    blocks: [
      { kind: 'paragraph', text: 'Paragraph.' },
      { kind: 'list', title: 'List title', items: ['List one', 'List two'] },
      { kind: 'callout', tone: 'info', title: 'Callout title', text: 'Callout.', items: ['Item'] },
      { kind: 'callout', tone: 'warning', title: 'Only a title', items: ['Warning item'] },
      { kind: 'steps', title: 'Steps title', items: ['Step one'] },
      { kind: 'image', illustration: 'pic', alt: 'Alt text', caption: 'Caption.' },
      { kind: 'image', illustration: 'pic', alt: 'Alt only' },
      { kind: 'qa', pairs: [{ question: 'Question?', answer: 'Answer.' }] },
      {
        kind: 'stretch',
        id: 'bridge',
        title: 'Bridge',
        illustration: 'stretch-bridge',
        alt: 'Stretch alt',
        steps: ['Lie down.', 'Lift your hips.'],
        holdSeconds: 20,
        repetitions: 3,
      },
    ],
  }

  it('collects body text in reading order, leaving out titles, alt text, ids and sources', () => {
    expect(documentBodyText(doc)).toEqual([
      'Paragraph.',
      'List one',
      'List two',
      'Callout.',
      'Item',
      'Warning item',
      'Step one',
      'Caption.',
      'Question?',
      'Answer.',
      'Lie down.',
      'Lift your hips.',
    ])
  })
})
