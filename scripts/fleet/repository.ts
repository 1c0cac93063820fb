import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  Metadata,
  MetaFile,
  MetadataKind,
  Root,
  Snapshot,
  Targets,
  TargetFile,
  Timestamp,
} from '@tufjs/models'
import { writeFileAtomic } from '../../electron/services/atomic-file'
import { FleetError, createKey, loadKey, roles, type RoleName, type SigningKey } from './keys'

/** How long each role's metadata stays valid, in days: a kiosk refuses expired metadata. */
export const expiryDays: Record<RoleName, number> = {
  timestamp: 7,
  snapshot: 30,
  targets: 180,
  root: 365,
}

const specVersion = '1.0.31'

const metadataFolder = (repo: string) => join(repo, 'metadata')
const targetsFolder = (repo: string) => join(repo, 'targets')

/** TUF wants whole seconds: "2027-01-01T00:00:00Z". */
function expires(role: RoleName, now: Date): string {
  const at = new Date(now.getTime() + expiryDays[role] * 86_400_000)
  return `${at.toISOString().slice(0, 19)}Z`
}

const metadataText = (metadata: Metadata<Root | Targets | Snapshot | Timestamp>) =>
  `${JSON.stringify(metadata.toJSON(), null, 2)}\n`

async function readMetadata<T extends MetadataKind>(repo: string, file: string, kind: T) {
  let text: string
  try {
    text = await readFile(join(metadataFolder(repo), file), 'utf8')
  } catch {
    throw new FleetError(
      `${join(metadataFolder(repo), file)} is missing: is ${repo} a repository made by "fleet init"?`,
    )
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads of fromJSON need a literal kind
  return Metadata.fromJSON(kind as any, JSON.parse(text)) as Metadata<
    T extends MetadataKind.Root
      ? Root
      : T extends MetadataKind.Targets
        ? Targets
        : T extends MetadataKind.Snapshot
          ? Snapshot
          : Timestamp
  >
}

/** The repository as it stands: the latest of each role, found from timestamp.json down. */
async function currentState(repo: string) {
  const root = await readMetadata(repo, 'root.json', MetadataKind.Root)
  const timestamp = await readMetadata(repo, 'timestamp.json', MetadataKind.Timestamp)
  const snapshot = await readMetadata(
    repo,
    `${timestamp.signed.snapshotMeta.version}.snapshot.json`,
    MetadataKind.Snapshot,
  )
  const targetsVersion = snapshot.signed.meta['targets.json']?.version
  if (!targetsVersion) throw new FleetError(`The snapshot in ${repo} lists no targets.json.`)
  const targets = await readMetadata(repo, `${targetsVersion}.targets.json`, MetadataKind.Targets)
  return { root, timestamp, snapshot, targets }
}

function checkKeyBelongs(root: Metadata<Root>, key: SigningKey): void {
  if (!root.signed.roles[key.role]?.keyIDs.includes(key.key.keyID))
    throw new FleetError(
      `The ${key.role} key in --keys is not the one this repository's root trusts: wrong keys folder?`,
    )
}

function signed<T extends Root | Targets | Snapshot | Timestamp>(
  signedPart: T,
  key: SigningKey,
): Metadata<T> {
  const metadata = new Metadata(signedPart)
  metadata.sign(key.sign)
  return metadata
}

/**
 * The timestamp is the only file a kiosk reads without a version in its name: it is written
 * last and by rename, so a kiosk syncing mid-publish sees the old repository or the new one.
 * Readable by all, for the web server or file share that serves it.
 */
async function writeTimestamp(
  repo: string,
  key: SigningKey,
  version: number,
  snapshotVersion: number,
  now: Date,
) {
  const timestamp = signed(
    new Timestamp({
      version,
      specVersion,
      expires: expires('timestamp', now),
      snapshotMeta: new MetaFile({ version: snapshotVersion }),
    }),
    key,
  )
  await writeFileAtomic(join(metadataFolder(repo), 'timestamp.json'), metadataText(timestamp), {
    mode: 0o644,
  })
  return timestamp
}

/** A release: targets, then the snapshot naming them, then the timestamp naming the snapshot. */
async function writeRelease(
  repo: string,
  targets: Metadata<Targets>,
  keys: { snapshot: SigningKey; timestamp: SigningKey },
  previous: { snapshot: number; timestamp: number },
  now: Date,
): Promise<{ targets: number; snapshot: number; timestamp: number }> {
  const folder = metadataFolder(repo)
  await writeFile(join(folder, `${targets.signed.version}.targets.json`), metadataText(targets))
  const snapshot = signed(
    new Snapshot({
      version: previous.snapshot + 1,
      specVersion,
      expires: expires('snapshot', now),
      meta: { 'targets.json': new MetaFile({ version: targets.signed.version }) },
    }),
    keys.snapshot,
  )
  await writeFile(join(folder, `${snapshot.signed.version}.snapshot.json`), metadataText(snapshot))
  const timestamp = await writeTimestamp(
    repo,
    keys.timestamp,
    previous.timestamp + 1,
    snapshot.signed.version,
    now,
  )
  return {
    targets: targets.signed.version,
    snapshot: snapshot.signed.version,
    timestamp: timestamp.signed.version,
  }
}

/** A new repository: one key per role, root version 1, and empty targets, all signed. */
export async function initRepository(options: {
  repo: string
  keysDir: string
  passphrase: string
  now: Date
}) {
  const { repo, keysDir, passphrase, now } = options
  await mkdir(keysDir, { recursive: true })
  await mkdir(metadataFolder(repo), { recursive: true })
  await mkdir(targetsFolder(repo), { recursive: true })
  try {
    await readFile(join(metadataFolder(repo), 'root.json'))
    throw new FleetError(
      `${repo} already holds a repository: init would replace its keys and strand every kiosk.`,
    )
  } catch (error) {
    if (error instanceof FleetError) throw error
  }
  const keys = {} as Record<RoleName, SigningKey>
  for (const role of roles) keys[role] = await createKey(keysDir, role, passphrase)
  const root = new Root({
    version: 1,
    specVersion,
    expires: expires('root', now),
    consistentSnapshot: true,
  })
  for (const role of roles) root.addKey(keys[role].key, role)
  const rootText = metadataText(signed(root, keys.root))
  await writeFile(join(metadataFolder(repo), '1.root.json'), rootText)
  await writeFile(join(metadataFolder(repo), 'root.json'), rootText)
  const targets = signed(
    new Targets({ version: 1, specVersion, expires: expires('targets', now) }),
    keys.targets,
  )
  await writeRelease(repo, targets, keys, { snapshot: 0, timestamp: 0 }, now)
  return { rootFile: join(metadataFolder(repo), '1.root.json') }
}

export interface TargetToAdd {
  path: string
  bytes: Buffer
}

/**
 * Adds or replaces targets and publishes a new release. Target files are written under their
 * hash (consistent snapshots), so files a kiosk may be downloading are never overwritten.
 */
export async function publishTargets(options: {
  repo: string
  keysDir: string
  passphrase: string
  add: TargetToAdd[]
  now: Date
}) {
  const { repo, now } = options
  const state = await currentState(repo)
  const keys = {
    targets: await loadKey(options.keysDir, 'targets', options.passphrase),
    snapshot: await loadKey(options.keysDir, 'snapshot', options.passphrase),
    timestamp: await loadKey(options.keysDir, 'timestamp', options.passphrase),
  }
  for (const key of Object.values(keys)) checkKeyBelongs(state.root, key)
  const files: Record<string, TargetFile> = { ...state.targets.signed.targets }
  for (const { path, bytes } of options.add) {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const slash = path.lastIndexOf('/')
    const stored = join(
      targetsFolder(repo),
      path.slice(0, slash),
      `${sha256}.${path.slice(slash + 1)}`,
    )
    await mkdir(join(targetsFolder(repo), path.slice(0, slash)), { recursive: true })
    await writeFile(stored, bytes)
    files[path] = new TargetFile({ path, length: bytes.length, hashes: { sha256 } })
  }
  const targets = signed(
    new Targets({
      version: state.targets.signed.version + 1,
      specVersion,
      expires: expires('targets', now),
      targets: files,
    }),
    keys.targets,
  )
  return writeRelease(
    repo,
    targets,
    keys,
    { snapshot: state.snapshot.signed.version, timestamp: state.timestamp.signed.version },
    now,
  )
}

/** A target as published: its bytes, read back from the repository by its hash. */
export async function readTarget(repo: string, path: string): Promise<Buffer | null> {
  const { targets } = await currentState(repo)
  const file = targets.signed.targets[path]
  const sha256 = file?.hashes['sha256']
  if (!sha256) return null
  const slash = path.lastIndexOf('/')
  return readFile(
    join(targetsFolder(repo), path.slice(0, slash), `${sha256}.${path.slice(slash + 1)}`),
  )
}

/** The daily job: the same snapshot under a fresh timestamp, so kiosks do not see it expire. */
export async function renewTimestamp(options: {
  repo: string
  keysDir: string
  passphrase: string
  now: Date
}) {
  const state = await currentState(options.repo)
  const key = await loadKey(options.keysDir, 'timestamp', options.passphrase)
  checkKeyBelongs(state.root, key)
  const timestamp = await writeTimestamp(
    options.repo,
    key,
    state.timestamp.signed.version + 1,
    state.snapshot.signed.version,
    options.now,
  )
  return { timestamp: timestamp.signed.version, expires: timestamp.signed.expires }
}
