import { assembleLocaleContent, parseContentFiles } from '@shared/content-parse'
import type { Locale, LocaleContent } from '@shared/content-schema'
import type { Problem } from '@shared/contract'
import type { OverrideKind } from '@shared/merge-overrides'
import { bundledContentFiles } from './bundled-content'

/** The content as shipped in this build, and which documents staff may therefore change. */
export interface ShippedContent {
  content: LocaleContent | null
  problems: Problem[]
  ids: Record<OverrideKind, ReadonlySet<string>>
}

const cache = new Map<Locale, Promise<ShippedContent>>()

async function load(locale: Locale): Promise<ShippedContent> {
  const { parsed, problems } = parseContentFiles(locale, await bundledContentFiles(locale))
  const assembled = assembleLocaleContent(locale, parsed)
  const { content } = assembled
  return {
    content,
    problems: [...problems, ...assembled.problems],
    // Without usable content nothing is shown, so no page there can be changed either.
    ids: {
      section: new Set(content?.sections.map((doc) => doc.id)),
      sheet: new Set(content?.sheets.map((doc) => doc.id)),
    },
  }
}

/**
 * Bundled content never changes while the page is open, so it is parsed once per locale.
 * A failed load (a chunk that did not arrive) is not kept, so the next call tries again.
 */
export function shippedContent(locale: Locale): Promise<ShippedContent> {
  let loading = cache.get(locale)
  if (!loading) {
    loading = load(locale).catch((error: unknown) => {
      cache.delete(locale)
      throw error
    })
    cache.set(locale, loading)
  }
  return loading
}
