import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContentStore } from '../../../electron/services/content-store'
import { localeContentSchema, type LocaleContent } from '../../../electron/shared/content-schema'
import {
  mergeOverrides,
  overrideDocumentsSchema,
  overrideKey,
  parseOverrideKey,
  type OverrideDocuments,
} from '../../../electron/shared/merge-overrides'

const contentDir = fileURLToPath(new URL('../../../content', import.meta.url))
let en: LocaleContent
let es: LocaleContent
beforeAll(async () => {
  const store = createContentStore({ contentDir })
  en = (await store.load('en')).content
  es = (await store.load('es')).content
})

const ids = (docs: { id: string }[]) => docs.map((d) => d.id)
function section(content: LocaleContent, id: string) {
  const found = content.sections.find((s) => s.id === id)
  if (!found) throw new Error(`no section ${id}`)
  return found
}

describe('mergeOverrides', () => {
  it('returns the shipped content unchanged when there are no overrides', () => {
    expect(mergeOverrides(en, {}, 'en')).toEqual(en)
  })

  it('replaces the document with the same id and keeps every id and the order', () => {
    const edited = { ...section(en, 'causes'), title: 'Why spasms happen' }
    const merged = mergeOverrides(en, { 'en/section/causes': edited }, 'en')
    expect(ids(merged.sections)).toEqual(ids(en.sections))
    expect(section(merged, 'causes').title).toBe('Why spasms happen')
    expect(section(merged, 'what-is')).toEqual(section(en, 'what-is'))
    expect(localeContentSchema.safeParse(merged).success).toBe(true)
  })

  it('re-sorts by order when staff move a section', () => {
    const last = Math.max(...en.sections.map((s) => s.order))
    const moved = { ...section(en, 'what-is'), order: last + 1 }
    const merged = mergeOverrides(en, { 'en/section/what-is': moved }, 'en')
    expect(ids(merged.sections)).toEqual([
      ...ids(en.sections).filter((id) => id !== 'what-is'),
      'what-is',
    ])
    expect(localeContentSchema.safeParse(merged).success).toBe(true)
  })

  it('keeps hidden sections in the data with visible: false', () => {
    const hidden = { ...section(en, 'symptoms'), visible: false }
    const merged = mergeOverrides(en, { 'en/section/symptoms': hidden }, 'en')
    expect(ids(merged.sections)).toEqual(ids(en.sections))
    expect(section(merged, 'symptoms').visible).toBe(false)
  })

  it('applies only the overrides of the given language and kind', () => {
    const sheet = en.sheets[0]
    if (!sheet) throw new Error('no sheet')
    const overrides: OverrideDocuments = {
      [overrideKey('es', 'section', 'what-is')]: { ...section(es, 'what-is'), title: 'Hola' },
      [overrideKey('en', 'sheet', sheet.id)]: { ...sheet, title: 'Sheet title' },
    }
    const merged = mergeOverrides(en, overrides, 'en')
    expect(section(merged, 'what-is').title).toBe(section(en, 'what-is').title)
    expect(merged.sheets.find((s) => s.id === sheet.id)?.title).toBe('Sheet title')
    expect(section(mergeOverrides(es, overrides, 'es'), 'what-is').title).toBe('Hola')
  })

  it('ignores an override for a document the app no longer ships', () => {
    const orphan = { ...section(en, 'causes'), id: 'old-page' }
    const merged = mergeOverrides(en, { 'en/section/old-page': orphan }, 'en')
    expect(merged).toEqual(en)
  })

  it('does not change the shipped content it was given', () => {
    const before = structuredClone(en)
    mergeOverrides(en, { 'en/section/what-is': { ...section(en, 'what-is'), order: 99 } }, 'en')
    expect(en).toEqual(before)
  })
})

describe('override keys', () => {
  it('parses well-formed keys and refuses anything else', () => {
    expect(parseOverrideKey('es/sheet/stretches')).toEqual({
      locale: 'es',
      kind: 'sheet',
      id: 'stretches',
    })
    for (const bad of [
      'fr/section/a',
      'en/about/a',
      'en/section/Bad_Id',
      'en/section/a/b',
      'en/section',
      '',
    ]) {
      expect(parseOverrideKey(bad)).toBeNull()
    }
  })

  it('reports every bad entry of an overrides map, not just the first', () => {
    const result = overrideDocumentsSchema.safeParse({
      'xx/section/a': section(en, 'what-is'),
      'en/section/what-is': { ...section(en, 'what-is'), title: '' },
      'en/section/causes': section(en, 'what-is'),
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'xx/section/a',
      'en/section/what-is.title',
      'en/section/causes.id',
    ])
  })
})
