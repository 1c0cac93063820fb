import { z } from 'zod'
import { idSchema } from './content-schema'
import { fleetChannelSchema } from './fleet-config'
import { overrideDocumentsSchema, parseOverrideKey } from './merge-overrides'
import { settingsSchema, type Settings } from './settings-schema'

export const packFormat = 'back-spasm-kiosk-pack'
const versionSchema = z.string().regex(/^\d+\.\d+\.\d+$/, 'app-version')

const documentKeySchema = z.string().refine((key) => parseOverrideKey(key) !== null, 'change-name')

/**
 * One content pack: the layout of a staff backup (settings, documents keyed
 * "<locale>/<kind>/<id>") with the pack's id, a note for staff, and the documents a kiosk's
 * staff may not change ("locks").
 */
export const packSchema = z.strictObject({
  format: z.literal(packFormat),
  version: z.literal(1),
  packId: idSchema,
  note: z.string().trim().max(500),
  createdAt: z.iso.datetime(),
  /** The app version that validated the pack: older apps may not know all of its schema. */
  appVersion: versionSchema,
  settings: settingsSchema.optional(),
  overrides: overrideDocumentsSchema,
  locks: z.array(documentKeySchema).default([]),
})
export type ContentPack = z.output<typeof packSchema>

/**
 * What a channel points at, published as the target `channels/<channel>.json`: kiosks take
 * the pack when their rollout bucket is below `percent`, after `notBefore`, on `minAppVersion` or later.
 */
export const channelPointerSchema = z.strictObject({
  channel: fleetChannelSchema,
  packId: idSchema,
  percent: z.number().int().min(0).max(100),
  notBefore: z.iso.datetime().nullable(),
  minAppVersion: versionSchema,
  publishedAt: z.iso.datetime(),
})
export type ChannelPointer = z.output<typeof channelPointerSchema>

/** One site's own documents and settings, published as the target `sites/<site>.json`. */
export const siteOverridesSchema = z.strictObject({
  format: z.literal('back-spasm-kiosk-site'),
  siteId: idSchema,
  /** Some settings fields; checked as whole settings once laid over the pack's (`layerSettings`). */
  settings: z.record(z.string(), z.unknown()).optional(),
  overrides: overrideDocumentsSchema,
})
export type SiteOverrides = z.output<typeof siteOverridesSchema>

export const targetPaths = {
  pack: (packId: string) => `packs/${packId}.json`,
  channel: (channel: string) => `channels/${channel}.json`,
  site: (siteId: string) => `sites/${siteId}.json`,
}

/** "1.10.0" is later than "1.9.3": compared number by number. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split(/[.+-]/).slice(0, 3).map(Number))
  for (let i = 0; i < 3; i++) {
    const diff = (pa![i] ?? 0) - (pb![i] ?? 0)
    if (diff !== 0) return Math.sign(diff)
  }
  return 0
}

/** The pack's settings with the site's fields over them, or null when there is nothing to lay or the result is invalid. */
export function layerSettings(
  pack: ContentPack | null,
  site: SiteOverrides | null,
  shippedDefaults: Settings,
): Settings | null {
  if (!pack?.settings && !site?.settings) return null
  const parsed = settingsSchema.safeParse({
    ...shippedDefaults,
    ...pack?.settings,
    ...site?.settings,
  })
  return parsed.success ? parsed.data : null
}
