import type { Locale } from '../shared/content-schema'
import { overrideKey, parseOverrideKey } from '../shared/merge-overrides'
import { loadAvailable, type ContentStore } from './content-store'

/**
 * The pages that ship with the app, by override key ("en/section/what-is"): staff may change,
 * hide and re-order these, but not add pages of their own.
 */
export function createShippedPages(content: ContentStore) {
  async function keys(wanted: readonly Locale[]): Promise<Set<string>> {
    const found = new Set<string>()
    // No usable content in a language means no page there can be changed.
    for (const { locale, content: loaded } of await loadAvailable(content, wanted)) {
      for (const doc of loaded.sections) found.add(overrideKey(locale, 'section', doc.id))
      for (const doc of loaded.sheets) found.add(overrideKey(locale, 'sheet', doc.id))
    }
    return found
  }

  /** The problem to report for a change to a page the app does not ship, or null. */
  async function notShipped(key: string) {
    const parts = parseOverrideKey(key)
    if (!parts || (await keys([parts.locale])).has(key)) return null
    return { code: 'not-shipped' as const, params: { ...parts } }
  }

  return { keys, notShipped }
}
export type ShippedPages = ReturnType<typeof createShippedPages>
