import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { makePack } from '../../scripts/fleet/make-pack'
import { publish, type PublishOptions } from '../../scripts/fleet/publish'
import { initRepository } from '../../scripts/fleet/repository'
import type { KioskApi } from '../../electron/shared/contract'
import type { FleetConfigInput } from '../../electron/shared/fleet-config'
import { startStaticServer } from './static-server'

const shippedDir = resolve('content')
export const testPassphrase = 'a passphrase for tests'
const appVersion = '0.1.0'

/** A copy of the shipped content with one sentence changed, as a content team would edit it. */
export async function editedContent(dir: string, title: string): Promise<string> {
  const contentDir = join(dir, 'content')
  await cp(shippedDir, contentDir, { recursive: true })
  const file = join(contentDir, 'en/sections/what-is.yaml')
  const text = await readFile(file, 'utf8')
  await writeFile(file, text.replace(/^title: .*$/m, `title: ${title}`))
  return contentDir
}

export async function writePack(
  dir: string,
  options: { title: string; id: string; locks?: string[] },
) {
  const result = await makePack({
    contentDir: await editedContent(join(dir, options.id), options.title),
    shippedDir,
    note: `Pack ${options.id}`,
    packId: options.id,
    locks: options.locks ?? [],
    appVersion,
    now: new Date(),
  })
  if (!result.ok) throw new Error(result.report)
  const file = join(dir, `${options.id}.json`)
  await writeFile(file, result.text)
  return file
}

/** A repository made with `fleet init`, keys beside it. */
export async function makeRepository(dir: string, now = new Date()) {
  const repo = join(dir, 'repo')
  const keys = join(dir, 'keys')
  const { rootFile } = await initRepository({
    repo,
    keysDir: keys,
    passphrase: testPassphrase,
    now,
  })
  const root = JSON.parse(await readFile(rootFile, 'utf8'))
  const publishPack = (packFile: string, extra: Partial<PublishOptions> = {}) =>
    publish({
      repo,
      keysDir: keys,
      passphrase: testPassphrase,
      packFile,
      channel: 'stable',
      percent: 100,
      notBefore: null,
      now,
      ...extra,
    })
  return { repo, keys, root, publishPack }
}

/** fleet.json for a kiosk reading `repository`. */
export async function provision(userData: string, config: FleetConfigInput) {
  await mkdir(userData, { recursive: true })
  await writeFile(join(userData, 'fleet.json'), JSON.stringify(config, null, 2))
}

/** Timers the test fires by hand: what is due after `ms`, without waiting for it. */
export function manualTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>()
  let next = 1
  return {
    set: (run: () => void, ms: number) => {
      pending.set(next, { run, ms })
      return next++
    },
    clear: (handle: unknown) => void pending.delete(handle as number),
    /** Runs every pending timer set for exactly `ms` (the start-screen watchdog, say). */
    fire(ms: number): number {
      let fired = 0
      for (const [id, timer] of [...pending]) {
        if (timer.ms !== ms) continue
        pending.delete(id)
        timer.run()
        fired += 1
      }
      return fired
    },
    delays: () => [...pending.values()].map((timer) => timer.ms),
  }
}

/** status.json as a management script reads it, or null before the kiosk wrote one. */
export async function readStatus(userData: string) {
  try {
    return JSON.parse(await readFile(join(userData, 'status', 'status.json'), 'utf8'))
  } catch {
    return null
  }
}

/** The title a section shows in English, through the kiosk's own getContent. */
export async function shownTitle(api: KioskApi, id = 'what-is') {
  return (await api.getContent('en')).content.sections.find((s) => s.id === id)?.title
}

/**
 * The kiosk page on its start screen: it says what it shows, reloads when told, and says so
 * again, as useStartScreenSignal does. Returns the release it shows.
 */
export async function showStartScreen(api: KioskApi, showing: string | null = null) {
  const { current } = await api.startScreenShown({ showing })
  if (current !== showing) await api.startScreenShown({ showing: current })
  return current
}

/** A repository served on 127.0.0.1, and a kiosk user-data folder provisioned to read it. */
export async function servedRepository(dir: string, config: Partial<FleetConfigInput> = {}) {
  const repository = await makeRepository(dir)
  const server = await startStaticServer(repository.repo)
  const userData = join(dir, 'kiosk')
  await provision(userData, {
    repository: server.url,
    root: repository.root,
    siteId: 'north',
    kioskId: 'kiosk-1',
    ...config,
  })
  return { ...repository, server, userData }
}
