import { ContentUnavailableError } from '../../services/content-store'
import { layerContent } from '../../shared/content-layers'
import { locales } from '../../shared/content-schema'
import type { FleetStatus } from '../../shared/fleet-status'
import type { BackendContext, Handlers } from '../backend-context'

/** The start screen's signal to the fleet side, and what staff see of the fleet. */
export function fleetHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'startScreenShown' | 'staffFleetStatus' | 'staffFleetCheckNow'> {
  const { fleet } = ctx
  const { content, overrides } = ctx.services

  /** Every section and sheet in every language, with the layer it is shown from. */
  async function documents(): Promise<FleetStatus['documents']> {
    const staff = await overrides.list()
    const layers = { ...fleet.layers(), staff }
    const rows: FleetStatus['documents'] = []
    for (const locale of locales) {
      let loaded
      try {
        loaded = await content.load(locale)
      } catch (error) {
        if (error instanceof ContentUnavailableError) continue
        throw error
      }
      const shown = layerContent(loaded.content, layers, locale)
      for (const [kind, list] of [
        ['section', shown.content.sections],
        ['sheet', shown.content.sheets],
      ] as const) {
        for (const doc of list) {
          const key = `${locale}/${kind}/${doc.id}`
          rows.push({
            key,
            title: doc.title,
            layer: shown.layers[key] ?? 'shipped',
            locked: fleet.isLocked(key),
          })
        }
      }
    }
    return rows
  }

  async function status(): Promise<FleetStatus> {
    await fleet.ready
    const { config, configProblems, snapshot } = fleet.status()
    return {
      provisioned: config !== null,
      configProblems: configProblems.map((p) => ({
        field: p.field,
        rule: String(p.params?.['rule'] ?? p.code),
      })),
      repository: config?.repository ?? null,
      channel: config?.channel ?? null,
      siteId: config?.siteId ?? null,
      kioskId: config?.kioskId ?? null,
      pack: snapshot.pack
        ? { id: snapshot.pack.id, note: snapshot.pack.note, appliedAt: snapshot.pack.appliedAt }
        : null,
      staged: snapshot.staged,
      lastSync: snapshot.lastSync,
      nextCheckAt: snapshot.nextCheckAt,
      rolledBack: snapshot.rolledBack,
      documents: await documents(),
    }
  }

  return {
    startScreenShown: ({ showing }) => fleet.startScreenShown(showing),
    staffFleetStatus: status,
    staffFleetCheckNow: async () => {
      await fleet.checkNow()
      return status()
    },
  }
}
