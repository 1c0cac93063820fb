import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Metadata, MetadataKind } from '@tufjs/models'
import { Updater } from 'tuf-js'
import type { FleetConfig } from '../../shared/fleet-config'
import { writeFileAtomic } from '../atomic-file'
import { repositoryAccess, type FetchFunction } from './repository-fetchers'

const metadataRoles = ['root', 'timestamp', 'snapshot', 'targets'] as const
export type MetadataRole = (typeof metadataRoles)[number]

/**
 * The trusted root in the cache is where TUF starts from. One that is damaged (a power cut
 * while tuf-js wrote it), or older than the root IT provisioned, is replaced by the provisioned one.
 */
async function seedRoot(metadataDir: string, pinned: FleetConfig['root']): Promise<void> {
  const path = join(metadataDir, 'root.json')
  try {
    const cached = Metadata.fromJSON(MetadataKind.Root, JSON.parse(await readFile(path, 'utf8')))
    if (cached.signed.version >= pinned.signed.version) return
  } catch {
    // Missing or unreadable: seeded below.
  }
  await writeFileAtomic(path, JSON.stringify(pinned))
}

/**
 * One check of the repository with tuf-js: fresh metadata (root rotations, timestamp,
 * snapshot, targets, all verified), then signed targets downloaded by length and hash.
 */
export async function openRepository(options: {
  config: FleetConfig
  cacheDir: string
  fetch: FetchFunction
  timeoutMs: number
}) {
  const metadataDir = join(options.cacheDir, 'metadata')
  const downloads = join(options.cacheDir, 'downloads')
  await mkdir(metadataDir, { recursive: true })
  await mkdir(downloads, { recursive: true })
  await seedRoot(metadataDir, options.config.root)
  const access = repositoryAccess(options.config.repository, options.fetch, options.timeoutMs)
  const updater = new Updater({
    metadataDir,
    metadataBaseUrl: access.metadataBaseUrl,
    targetBaseUrl: access.targetBaseUrl,
    targetDir: downloads,
    fetcher: access.fetcher,
  })
  await updater.refresh()

  /** The target's verified bytes, or null when the repository does not list it. */
  async function download(path: string): Promise<Buffer | null> {
    const info = await updater.getTargetInfo(path)
    if (!info) return null
    const file = join(downloads, encodeURIComponent(path))
    try {
      await updater.downloadTarget(info, file)
      return await readFile(file)
    } finally {
      await rm(file, { force: true })
    }
  }

  /** When each role's trusted metadata expires, for IT to alert on before kiosks stop updating. */
  async function expiries(): Promise<Partial<Record<MetadataRole, string>>> {
    const found: Partial<Record<MetadataRole, string>> = {}
    for (const role of metadataRoles) {
      try {
        const json = JSON.parse(await readFile(join(metadataDir, `${role}.json`), 'utf8'))
        if (typeof json?.signed?.expires === 'string') found[role] = json.signed.expires
      } catch {
        // Not cached yet.
      }
    }
    return found
  }

  /** The version of the targets metadata now trusted: a pack's "version" in status.json. */
  async function targetsVersion(): Promise<number | null> {
    try {
      return JSON.parse(await readFile(join(metadataDir, 'targets.json'), 'utf8')).signed.version
    } catch {
      return null
    }
  }

  return { download, expiries, targetsVersion }
}
