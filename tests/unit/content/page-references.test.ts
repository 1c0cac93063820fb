import { describe, expect, it } from 'vitest'
import { blockTexts } from '../../../electron/shared/block-text'
import { createContentStore } from '../../../electron/services/content-store'
import { locales } from '../../../electron/shared/content-schema'

/**
 * Topics are split into pages by what fits each screen, so "the list below" may be on another
 * page: text that points elsewhere says where ("on the next pages"). Words such as "below the
 * knee" or "boca arriba" (on your back) are about the body and stay.
 */
const pointing: Record<(typeof locales)[number], RegExp> = {
  en: /\b(below|above)\b(?! the knee)|\bthe (following|preceding)\b/i,
  es: /\b(de arriba|de abajo|más arriba|a continuación)\b(?! de la rodilla)/i,
}

describe('text that refers to other parts of a topic', () => {
  for (const locale of locales) {
    it(`says "on the next page", never "below" or "above" (${locale})`, async () => {
      const { content } = await createContentStore({ contentDir: 'content' }).load(locale)
      const documents = [...content.sections, content.about]
      const found = documents.flatMap((document) =>
        [document.summary, ...document.blocks.flatMap((b) => blockTexts(b, { titles: true }))]
          .filter((text) => pointing[locale].test(text))
          .map((text) => `${document.id}: ${text}`),
      )
      expect(found).toEqual([])
    })
  }
})
