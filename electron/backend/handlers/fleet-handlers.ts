import { loadAvailable } from '../../services/content-store'
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
    const available = await loadAvailable(content, locales)
    return available.flatMap(({ locale, content: loaded }) =>
      layerContent(loaded, layers, locale).documents.map((doc) => ({
        ...doc,
        locked: fleet.isLocked(doc.key),
      })),
    )
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
