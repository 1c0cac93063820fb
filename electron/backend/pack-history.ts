import type { OverrideStore, PageChanges } from '../services/override-store'
import type { ContentDocument } from '../shared/content-schema'
import type { Logger } from '../shared/logger'
import { overrideKey, parseOverrideKey } from '../shared/merge-overrides'
import type { PackLayers, ShownPages } from './shown-pages'

/** A content pack (or none: null) that has just started to show, and the layers either side. */
export interface PackSwitch {
  packId: string | null
  before: PackLayers
  after: PackLayers
}

/**
 * Notes each content pack switch in the staff history, by the pack, with every page it
 * changed for visitors before and after (staff changes left out, as they stay as they were).
 */
export function recordPackSwitches(deps: {
  pages: ShownPages
  overrides: OverrideStore
  log: Logger
}) {
  async function shownBy(layers: PackLayers, locale: 'en' | 'es') {
    const { content } = await deps.pages.content(locale, { pack: layers, staff: {} })
    const found = new Map<string, ContentDocument>()
    for (const doc of content.sections) found.set(overrideKey(locale, 'section', doc.id), doc)
    for (const doc of content.sheets) found.set(overrideKey(locale, 'sheet', doc.id), doc)
    return found
  }

  return async (change: PackSwitch): Promise<void> => {
    try {
      const keys = new Set(
        [change.before, change.after].flatMap((layers) => [
          ...Object.keys(layers.pack),
          ...Object.keys(layers.site),
        ]),
      )
      const locales = new Set([...keys].flatMap((key) => parseOverrideKey(key)?.locale ?? []))
      const pages: PageChanges = {}
      for (const locale of locales) {
        const [before, after] = await Promise.all([
          shownBy(change.before, locale),
          shownBy(change.after, locale),
        ])
        for (const key of keys) {
          const was = before.get(key) ?? null
          const now = after.get(key) ?? null
          if (
            parseOverrideKey(key)?.locale === locale &&
            JSON.stringify(was) !== JSON.stringify(now)
          )
            pages[key] = { before: was, after: now }
        }
      }
      const by = { kind: 'pack' as const, packId: change.packId }
      await deps.overrides.note({ type: 'pack', packId: change.packId }, by, pages)
    } catch (error) {
      deps.log.error(`fleet: the content pack switch could not be noted in the history: ${error}`)
    }
  }
}
