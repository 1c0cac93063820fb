import { readFile } from 'node:fs/promises'
import { parseBackup } from '../../electron/shared/backup'
import {
  channelPointerSchema,
  packSchema,
  siteOverridesSchema,
  targetPaths,
  type ContentPack,
} from '../../electron/shared/fleet-pack'
import type { FleetChannel } from '../../electron/shared/fleet-config'
import { describeProblems, problemsFromZod } from '../../electron/shared/problem'
import { FleetError } from './keys'
import { publishTargets, readTarget, type TargetToAdd } from './repository'

/** Settings that belong to a site (its name, numbers, desk) rather than to one kiosk's printer. */
const siteSettingNames = [
  'clinicName',
  'clinicPhone',
  'clinicWebsite',
  'emergencyNumber',
  'collectionPoint',
] as const

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`)

async function readPack(file: string): Promise<{ pack: ContentPack; bytes: Buffer }> {
  const bytes = await readFile(file)
  let value: unknown
  try {
    value = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new FleetError(`${file} is not JSON: make packs with "fleet pack".`)
  }
  const parsed = packSchema.safeParse(value)
  if (!parsed.success)
    throw new FleetError(
      `${file} is not a valid pack: ${describeProblems(problemsFromZod(parsed.error).map((p) => ({ file, ...p })))}`,
    )
  return { pack: parsed.data, bytes }
}

/** A site's overrides come from a staff backup made on one kiosk of that site. */
async function siteTarget(siteId: string, file: string): Promise<TargetToAdd> {
  const parsed = parseBackup(await readFile(file, 'utf8'))
  if (!parsed.ok)
    throw new FleetError(
      `${file} is not a kiosk backup: ${describeProblems(parsed.problems.map((p) => ({ file, ...p })))}`,
    )
  const { settings, overrides } = parsed.backup
  const site = siteOverridesSchema.parse({
    format: 'back-spasm-kiosk-site',
    siteId,
    settings: Object.fromEntries(siteSettingNames.map((name) => [name, settings[name]])),
    overrides,
  })
  return { path: targetPaths.site(siteId), bytes: json(site) }
}

function pointer(
  channel: FleetChannel,
  pack: ContentPack,
  options: { percent: number; notBefore: string | null; minAppVersion?: string; now: Date },
) {
  return {
    path: targetPaths.channel(channel),
    bytes: json(
      channelPointerSchema.parse({
        channel,
        packId: pack.packId,
        percent: options.percent,
        notBefore: options.notBefore,
        minAppVersion: options.minAppVersion ?? pack.appVersion,
        publishedAt: options.now.toISOString(),
      }),
    ),
  }
}

export interface PublishOptions {
  repo: string
  keysDir: string
  passphrase: string
  packFile?: string
  channel: FleetChannel
  percent: number
  notBefore: string | null
  minAppVersion?: string
  site?: { id: string; overridesFile: string }
  now: Date
}

export async function publish(options: PublishOptions) {
  const add: TargetToAdd[] = []
  let packId: string | undefined
  if (options.packFile) {
    const { pack, bytes } = await readPack(options.packFile)
    packId = pack.packId
    add.push(
      { path: targetPaths.pack(pack.packId), bytes },
      pointer(options.channel, pack, options),
    )
  }
  if (options.site) add.push(await siteTarget(options.site.id, options.site.overridesFile))
  if (add.length === 0)
    throw new FleetError('Nothing to publish: give --pack, or --site with --overrides.')
  return { packId, ...(await publishTargets({ ...options, add })) }
}

/** Points the channel back at a pack published before, as a new (higher) release. */
export async function rollback(options: {
  repo: string
  keysDir: string
  passphrase: string
  packId: string
  channel: FleetChannel
  now: Date
}) {
  const bytes = await readTarget(options.repo, targetPaths.pack(options.packId))
  if (!bytes)
    throw new FleetError(`No pack "${options.packId}" was ever published to ${options.repo}.`)
  const pack = packSchema.parse(JSON.parse(bytes.toString('utf8')))
  const add = [pointer(options.channel, pack, { percent: 100, notBefore: null, now: options.now })]
  return publishTargets({ ...options, add })
}
