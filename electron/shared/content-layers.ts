import type { LocaleContent, Locale } from './content-schema'
import { mergeOverrides, overrideKey, type OverrideDocuments } from './merge-overrides'

/** Where a document the kiosk shows comes from, lowest first. */
export const contentLayers = ['shipped', 'pack', 'site', 'staff'] as const
export type ContentLayer = (typeof contentLayers)[number]

export interface LayerSources {
  pack: OverrideDocuments
  site: OverrideDocuments
  staff: OverrideDocuments
  /** Keys the pack locks: this kiosk's staff edits of them are not shown. */
  locks: readonly string[]
}

/**
 * The documents above the shipped ones, in the stated order: the pack, then the site's
 * overrides, then this kiosk's staff edits unless the pack locks that document.
 */
function layeredOverrides(sources: LayerSources): {
  documents: OverrideDocuments
  layerOf: Record<string, Exclude<ContentLayer, 'shipped'>>
} {
  const locked = new Set(sources.locks)
  const documents: OverrideDocuments = {}
  const layerOf: Record<string, Exclude<ContentLayer, 'shipped'>> = {}
  for (const layer of ['pack', 'site', 'staff'] as const) {
    for (const [key, doc] of Object.entries(sources[layer])) {
      if (layer === 'staff' && locked.has(key)) continue
      documents[key] = doc
      layerOf[key] = layer
    }
  }
  return { documents, layerOf }
}

/** One locale's content as shown, and the layer each of its sections and sheets comes from. */
export function layerContent(
  shipped: LocaleContent,
  sources: LayerSources,
  locale: Locale,
): { content: LocaleContent; documents: { key: string; title: string; layer: ContentLayer }[] } {
  const { documents, layerOf } = layeredOverrides(sources)
  const content = mergeOverrides(shipped, documents, locale)
  const shown = (['section', 'sheet'] as const).flatMap((kind) =>
    (kind === 'section' ? content.sections : content.sheets).map((doc) => {
      const key = overrideKey(locale, kind, doc.id)
      return { key, title: doc.title, layer: layerOf[key] ?? ('shipped' as const) }
    }),
  )
  return { content, documents: shown }
}
