import { describe, expect, it } from 'vitest'
import { createContentStore } from '../../../electron/services/content-store'
import { locales } from '../../../electron/shared/content-schema'

/**
 * Each warning has its own picture (a flame for heat, a pill for medicines, a stop sign…), so a
 * visitor who reads little tells two warnings apart at a glance: on one screen or sheet, no two
 * warnings share an icon, and none falls back to the tone's plain one.
 */
describe('the icons of warnings', () => {
  for (const locale of locales) {
    it(`are the warning's own, and differ within each topic and sheet (${locale})`, async () => {
      const { content } = await createContentStore({ contentDir: 'content' }).load(locale)
      const documents = [...content.sections, ...content.sheets, content.about]
      const problems: string[] = []
      for (const document of documents) {
        const warnings = document.blocks.flatMap((block) =>
          block.kind === 'callout' && block.tone === 'warning' ? [block] : [],
        )
        const seen = new Map<string, string>()
        for (const warning of warnings) {
          if (!warning.icon) {
            problems.push(`${document.id}: "${warning.title}" has no icon of its own`)
            continue
          }
          const other = seen.get(warning.icon)
          if (other)
            problems.push(`${document.id}: "${warning.title}" and "${other}" share ${warning.icon}`)
          seen.set(warning.icon, warning.title)
        }
      }
      expect(problems).toEqual([])
      expect(documents.some((d) => d.blocks.some((b) => b.kind === 'callout'))).toBe(true)
    })
  }
})
