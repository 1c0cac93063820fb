import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createContentStore } from '../../../electron/services/content-store'
import { locales } from '../../../electron/shared/content-schema'

/**
 * The stretches have one name wherever a visitor meets them: the home tile, the stretches
 * screen, a stretch's heading and the printed sheet ("Gentle stretches", "Estiramientos
 * suaves"), never a second name such as "Guided stretches".
 */
describe('the name of the stretches', () => {
  for (const locale of locales) {
    it(`is the sheet's title on every screen, and no other name is used (${locale})`, async () => {
      const core = JSON.parse(readFileSync(`src/i18n/${locale}/core.json`, 'utf8'))
      const { content } = await createContentStore({ contentDir: 'content' }).load(locale)
      const sheet = content.sheets.find((s) => s.id === 'stretches')
      expect(core.section.stretches).toBe(sheet?.title)
      const words = readdirSync(`src/i18n/${locale}`)
        .map((file) => readFileSync(join(`src/i18n/${locale}`, file), 'utf8'))
        .join('\n')
      expect(words).not.toMatch(/guided stretches|estiramientos guiados/i)
    })
  }
})
