import { z } from 'zod'
import { contentLayers } from './content-layers'
import { fleetChannelSchema } from './fleet-config'

/** Why a check of the repository failed, as codes the renderer and IT's alerts word. */
const syncFailureReasons = [
  /** fleet.json is missing fields or has wrong values. */
  'config-invalid',
  /** Connection refused, no route, name not found, or the share is not mounted. */
  'offline',
  /** The host accepted the connection but did not answer in time (or stalled mid-file). */
  'timeout',
  /** The host answered with an HTTP error (5xx, 403…). */
  'http-error',
  /** A file was larger than the metadata allows: refused before reading it all. */
  'too-large',
  /** Metadata not signed by the keys the kiosk trusts. */
  'bad-signature',
  /** Metadata older than what the kiosk has already seen: a rollback attack or a stale mirror. */
  'older-version',
  /** The timestamp, snapshot, targets or root has expired: no daily `fleet timestamp`, or a freeze attack. */
  'expired',
  /** Snapshot and targets from different releases. */
  'mix-and-match',
  /** A pack or channel file that does not match its signed length and hash. */
  'hash-mismatch',
  /** A file that is not JSON, or not TUF metadata. */
  'garbage',
  /** A signed pack the kiosk cannot use: wrong format or content that fails the schemas. */
  'pack-invalid',
  /** The repository has no pointer for this kiosk's channel. */
  'no-channel',
  /** The kiosk could not write its own files (disk full, permissions). */
  'local-error',
  'unknown',
] as const
export type SyncFailureReason = (typeof syncFailureReasons)[number]

/** Why a pack that was found is not (yet) applied to this kiosk: not failures. */
const packDecisions = [
  'applies',
  'outside-rollout',
  'not-before',
  'app-too-old',
  'rolled-back',
] as const
export type PackDecision = (typeof packDecisions)[number]

export const rollbackReasons = ['start-screen-timeout', 'crash-loop'] as const

const documentLayerSchema = z.strictObject({
  key: z.string(),
  title: z.string(),
  layer: z.enum(contentLayers),
  locked: z.boolean(),
})

/** What staff mode shows about the fleet: codes and times, worded by the renderer. */
export const fleetStatusSchema = z.strictObject({
  provisioned: z.boolean(),
  /** fleet.json problems, as field and rule codes. */
  configProblems: z.array(z.strictObject({ field: z.string(), rule: z.string() })),
  repository: z.string().nullable(),
  channel: fleetChannelSchema.nullable(),
  siteId: z.string().nullable(),
  kioskId: z.string().nullable(),
  pack: z.strictObject({ id: z.string(), note: z.string(), appliedAt: z.string() }).nullable(),
  /** Downloaded and checked, waiting for the start screen. */
  staged: z.string().nullable(),
  lastSync: z
    .strictObject({
      at: z.string(),
      ok: z.boolean(),
      reason: z.enum(syncFailureReasons).nullable(),
      decision: z.enum(packDecisions).nullable(),
    })
    .nullable(),
  nextCheckAt: z.string().nullable(),
  rolledBack: z
    .strictObject({ packId: z.string(), reason: z.enum(rollbackReasons), at: z.string() })
    .nullable(),
  documents: z.array(documentLayerSchema),
})
export type FleetStatus = z.infer<typeof fleetStatusSchema>
