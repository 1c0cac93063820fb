import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContentStore } from '../../../electron/services/content-store'
import {
  blockParity,
  documentParity,
  helpCheckParity,
  localeParity,
  numbersIn,
} from '../../../electron/shared/content-parity'
import type { Block, LocaleContent } from '../../../electron/shared/content-schema'

const store = createContentStore({
  contentDir: fileURLToPath(new URL('../../../content', import.meta.url)),
})
const content = {} as Record<'en' | 'es', LocaleContent>
beforeAll(async () => {
  for (const locale of ['en', 'es'] as const) content[locale] = (await store.load(locale)).content
})

describe('the shipped Spanish says the same thing as the English', () => {
  it('has every file of the English content', () => {
    const files = localeParity(content.en, content.es).map((file) => file.file)
    expect(files).toEqual(
      expect.arrayContaining([
        'site.yaml',
        'help-check.yaml',
        'about.yaml',
        ...content.en.sections.map((doc) => `sections/${doc.id}.yaml`),
        ...content.en.sheets.map((doc) => `sheets/${doc.id}.yaml`),
      ]),
    )
    expect(files).toHaveLength(3 + content.en.sections.length + content.en.sheets.length)
  })

  it('block for block, list for list, number for number, in every file', () => {
    const differing = localeParity(content.en, content.es).filter((file) => file.issues.length)
    expect(differing).toEqual([])
  })
})

const stretch: Extract<Block, { kind: 'stretch' }> = {
  kind: 'stretch',
  id: 'pelvic-tilt',
  title: 'Pelvic tilt',
  illustration: 'stretch-pelvic-tilt',
  alt: 'A person lies on their back.',
  steps: ['Lie on your back.', 'Press your low back down.', 'Hold, then relax.'],
  holdSeconds: 5,
  repetitions: 8,
  alternative: {
    title: 'Chair version',
    illustration: 'chair-pelvic-tilt',
    alt: 'A person sits.',
    steps: ['Sit tall.', 'Press your back into the chair.'],
  },
}

describe('parity check', () => {
  it('finds a different number of repetitions (the old pelvic tilt: 8 in English, 5 in Spanish)', () => {
    expect(blockParity(stretch, { ...stretch, repetitions: 5 }, 3)).toEqual([
      { block: 3, field: 'repetitions', kind: 'value', reference: '8', other: '5' },
    ])
  })

  it('finds a missing list item, a missing chair version and another kind of block', () => {
    const list: Block = { kind: 'list', items: ['One.', 'Two.', 'Three.'] }
    expect(blockParity(list, { ...list, items: ['One.', 'Two.'] }, 0)).toEqual([
      { block: 0, field: 'items', kind: 'count', reference: 3, other: 2 },
    ])
    const { alternative: _dropped, ...noChair } = stretch
    expect(blockParity(stretch, noChair, 1)).toEqual([
      { block: 1, field: 'alternative', kind: 'presence', reference: true, other: false },
    ])
    expect(blockParity(list, { kind: 'paragraph', text: 'One.' }, 2)).toEqual([
      { block: 2, field: 'kind', kind: 'value', reference: 'list', other: 'paragraph' },
    ])
  })

  it('finds a number or a placeholder that changed inside the words, item by item', () => {
    const en: Block = {
      kind: 'callout',
      tone: 'info',
      title: 'Book a visit',
      items: ['Not better after 1 to 2 weeks.', 'Call {clinicPhone} if 65 or older.'],
    }
    const es: Block = {
      ...en,
      items: ['No mejora tras 1 o 3 semanas.', 'Llame a la clínica si tiene 65 años o más.'],
    }
    expect(blockParity(en, es, 4)).toEqual([
      { block: 4, field: 'items.1', kind: 'numbers', reference: ['1', '2'], other: ['1', '3'] },
      {
        block: 4,
        field: 'items.2',
        kind: 'placeholders',
        reference: ['{clinicPhone}'],
        other: [],
      },
    ])
  })

  it('lets the words change freely, numbers in any order, with a decimal comma', () => {
    const en: Block = { kind: 'paragraph', text: 'Hold for 20 to 30 seconds, 1.5 times.' }
    const es: Block = { kind: 'paragraph', text: 'Entre 30 y 20 segundos, 1,5 veces.' }
    expect(blockParity(en, es, 0)).toEqual([])
    expect(numbersIn('1,5 y 20')).toEqual(['1.5', '20'])
  })

  it('finds a missing block in a document, and a missing line in a help check result', () => {
    const doc = content.en.sections[0]!
    expect(documentParity(doc, { ...doc, blocks: doc.blocks.slice(1) })).toContainEqual({
      block: null,
      field: 'blocks',
      kind: 'count',
      reference: doc.blocks.length,
      other: doc.blocks.length - 1,
    })
    const check = content.en.helpCheck
    const shorter = {
      ...check,
      outcomes: {
        ...check.outcomes,
        soon: { ...check.outcomes.soon, items: check.outcomes.soon.items.slice(0, -1) },
      },
    }
    expect(helpCheckParity(check, shorter)).toEqual([
      {
        block: null,
        field: 'outcomes.soon.items',
        kind: 'count',
        reference: check.outcomes.soon.items.length,
        other: check.outcomes.soon.items.length - 1,
      },
    ])
  })
})
