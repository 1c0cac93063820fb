import type { ContentStore } from '../services/content-store'
import type { FleetService } from '../services/fleet/fleet-service'
import type { OverrideStore } from '../services/override-store'
import { layerContent, type LayerSources } from '../shared/content-layers'
import type { ContentDocument, Locale, LocaleContent } from '../shared/content-schema'
import type { Logger } from '../shared/logger'
import { parseOverrideKey, type OverrideDocuments } from '../shared/merge-overrides'

export type PackLayers = Omit<LayerSources, 'staff'>

/**
 * The pages as visitors see them: the shipped content with the content pack, the site's
 * documents and this kiosk's staff changes laid over it (shared/content-layers.ts). One
 * place for the visitor's content, for staff moves and for the history's before and after.
 */
export function createShownPages(deps: {
  content: ContentStore
  overrides: OverrideStore
  fleet: FleetService
  log: Logger
}) {
  /** Staff changes must never blank the kiosk: if they cannot be read, the shipped pages show. */
  async function staffChanges(): Promise<OverrideDocuments> {
    try {
      return await deps.overrides.list()
    } catch (error) {
      deps.log.error(`content: staff changes could not be read, showing shipped content: ${error}`)
      return {}
    }
  }

  /** One locale's content with the given layers (the fleet's now, and staff changes, by default). */
  async function content(
    locale: Locale,
    layers: { pack?: PackLayers; staff?: OverrideDocuments } = {},
  ): Promise<{
    content: LocaleContent
    problems: Awaited<ReturnType<ContentStore['load']>>['problems']
  }> {
    const [loaded, staff] = await Promise.all([
      deps.content.load(locale),
      layers.staff ?? staffChanges(),
    ])
    const sources = { ...(layers.pack ?? deps.fleet.layers()), staff }
    return {
      content: layerContent(loaded.content, sources, locale).content,
      problems: loaded.problems,
    }
  }

  /** The page with key "<locale>/<kind>/<id>" with those layers, or null when there is none. */
  async function page(
    key: string,
    layers: { pack?: PackLayers; staff?: OverrideDocuments } = {},
  ): Promise<ContentDocument | null> {
    const parts = parseOverrideKey(key)
    if (!parts) return null
    try {
      const { content: shown } = await content(parts.locale, layers)
      const list = parts.kind === 'section' ? shown.sections : shown.sheets
      return list.find((doc) => doc.id === parts.id) ?? null
    } catch {
      // A language without usable content has no page to show.
      return null
    }
  }

  return { content, page, staffChanges }
}
export type ShownPages = ReturnType<typeof createShownPages>
