import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import {
  packSchema,
  siteOverridesSchema,
  type ContentPack,
  type SiteOverrides,
} from '../../shared/fleet-pack'
import { rollbackReasons } from '../../shared/fleet-status'
import { writeFileAtomic } from '../atomic-file'
import { createJsonFile } from '../json-file'

/** How many releases are kept on disk: the active one and the two before it. */
export const keptReleases = 3

/** A pack and a site's overrides as one unit: what is switched to, and back from. */
const releaseSchema = z.strictObject({
  /** Names the files in releases/: the pack id and the site file's hash. */
  id: z.string().regex(/^[a-z0-9.-]+$/),
  packId: z.string().nullable(),
  packVersion: z.number().int().nullable(),
  siteHash: z.string().nullable(),
  stagedAt: z.iso.datetime(),
})
export type Release = z.infer<typeof releaseSchema>

const stateSchema = z.strictObject({
  version: z.literal(1),
  active: releaseSchema
    .extend({
      appliedAt: z.iso.datetime(),
      /** The start screen has been shown with this release. */
      confirmed: z.boolean(),
      /** Starts of the app since the switch that never reached the start screen. */
      boots: z.number().int().min(0),
    })
    .nullable(),
  /** Releases active before, newest first. */
  previous: z.array(releaseSchema),
  staged: releaseSchema.nullable(),
  /** Packs rolled back on this kiosk: never applied again. */
  bad: z.array(
    z.strictObject({ packId: z.string(), reason: z.enum(rollbackReasons), at: z.iso.datetime() }),
  ),
})
export type ReleaseState = z.infer<typeof stateSchema>

const emptyState: ReleaseState = { version: 1, active: null, previous: [], staged: null, bad: [] }

export interface ReleaseFiles {
  pack: ContentPack | null
  site: SiteOverrides | null
}

/**
 * The kiosk's releases in <userData>/fleet: each one's files under releases/<id>/, and
 * state.json saying which is active. A switch is one atomic write of state.json, so a power
 * cut leaves the old release active or the new one, never a mix.
 */
export function createReleaseStore(options: { dir: string; now: () => Date }) {
  const folder = (id: string) => join(options.dir, 'releases', id)
  const stateFile = createJsonFile(join(options.dir, 'state.json'), stateSchema, {
    name: 'fleet/state.json',
    now: options.now,
  })

  async function read(): Promise<ReleaseState> {
    const result = await stateFile.read()
    return result.ok ? result.value : emptyState
  }

  const write = (state: ReleaseState) => stateFile.write(state)

  /** Files checked before staging; read back with the same schemas, so a damaged disk is caught too. */
  async function files(release: Release): Promise<ReleaseFiles> {
    const load = async <T>(name: string, schema: z.ZodType<T>): Promise<T> =>
      schema.parse(JSON.parse(await readFile(join(folder(release.id), name), 'utf8')))
    return {
      pack: release.packId ? await load('pack.json', packSchema) : null,
      site: release.siteHash ? await load('site.json', siteOverridesSchema) : null,
    }
  }

  async function stage(release: Release, bytes: { pack?: Buffer; site?: Buffer }): Promise<void> {
    await mkdir(folder(release.id), { recursive: true })
    if (bytes.pack) await writeFileAtomic(join(folder(release.id), 'pack.json'), bytes.pack)
    if (bytes.site) await writeFileAtomic(join(folder(release.id), 'site.json'), bytes.site)
  }

  /** Removes release folders no longer named by the state (older than the kept ones). */
  async function prune(state: ReleaseState): Promise<void> {
    const keep = new Set(
      [state.active, state.staged, ...state.previous].flatMap((r) => (r ? [r.id] : [])),
    )
    const names = await readdir(join(options.dir, 'releases')).catch(() => [] as string[])
    await Promise.all(
      names
        .filter((name) => !keep.has(name))
        .map((name) => rm(folder(name), { recursive: true, force: true })),
    )
  }

  return { read, write, files, stage, prune }
}
