import { z } from 'zod'
import { idSchema } from './content-schema'

const fleetChannels = ['pilot', 'stable'] as const
export const fleetChannelSchema = z.enum(fleetChannels)
export type FleetChannel = z.infer<typeof fleetChannelSchema>

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Where the signed repository is: an https:// address, or a folder (an SMB share mounted on
 * the kiosk). Plain http:// only on this computer (a local mirror, the tests): TUF signatures
 * protect the content, but not the privacy of what a kiosk asks for.
 */
const repositorySchema = z
  .string()
  .trim()
  .min(1, 'not-empty')
  .refine((value) => {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return true
    try {
      const url = new URL(value)
      if (url.protocol === 'https:') return true
      return url.protocol === 'http:' && loopbackHosts.has(url.hostname)
    } catch {
      return false
    }
  }, 'repository-location')

/** TUF root metadata as the content team's `fleet init` wrote it: checked for shape here, for signatures by tuf-js. */
const rootMetadataSchema = z.looseObject({
  signed: z.looseObject({ _type: z.literal('root'), version: z.number().int().min(1) }),
  signatures: z.array(z.looseObject({ keyid: z.string(), sig: z.string() })).min(1),
})

/** The header names OTLP collectors use for a token, kept to what an HTTP header may be. */
const headerNameSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'header-name')

/**
 * fleet.json in the user-data folder: how IT ties one kiosk to the group's content repository
 * and health collector. Written by hand, or by `--setup` through `applyFleetProvisioning`.
 */
export const fleetConfigSchema = z.strictObject({
  repository: repositorySchema,
  root: rootMetadataSchema,
  siteId: idSchema,
  channel: fleetChannelSchema.default('stable'),
  kioskId: idSchema,
  /** Minutes between checks; fractions are allowed for testing a repository. */
  syncMinutes: z.number().min(0.01).max(1440).default(10),
  otlp: z
    .strictObject({
      endpoint: z.url({ protocol: /^https?$/, error: 'web-address' }),
      headers: z.record(headerNameSchema, z.string().max(4096)).default({}),
    })
    .optional(),
  /** Where status.json and kiosk.prom are written; `status/` in the user-data folder if not set. */
  statusDir: z.string().trim().min(1).max(500).optional(),
})
export type FleetConfig = z.output<typeof fleetConfigSchema>
export type FleetConfigInput = z.input<typeof fleetConfigSchema>

export const isRepositoryUrl = (repository: string) => /^https?:\/\//i.test(repository)
