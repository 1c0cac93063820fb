import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { LayerSources } from '../../shared/content-layers'
import type { FleetConfig } from '../../shared/fleet-config'
import {
  channelPointerSchema,
  layerSettings,
  packSchema,
  siteOverridesSchema,
  targetPaths,
} from '../../shared/fleet-pack'
import type { PackDecision, SyncFailureReason } from '../../shared/fleet-status'
import type { Logger } from '../../shared/logger'
import { describeProblems, type Problem } from '../../shared/problem'
import { defaultSettings } from '../../shared/settings-defaults'
import type { Settings } from '../../shared/settings-schema'
import { createQueue, writeFileAtomic } from '../atomic-file'
import { readFleetConfig } from './fleet-provisioning'
import type { HealthCounters } from './health-counters'
import {
  createHealthReporter,
  otlpIntervalMs,
  type FleetSnapshot,
  type HealthReporter,
} from './health-reporter'
import { decidePack } from './pack-decision'
import {
  createReleaseStore,
  keptReleases,
  type Release,
  type ReleaseFiles,
  type ReleaseState,
} from './release-store'
import type { FetchFunction } from './repository-fetchers'
import { SyncRefused, syncFailureReason } from './sync-failure'
import { firstDelayMs, nextDelayMs } from './sync-schedule'
import { openRepository } from './tuf-repository'

interface Timers {
  set(run: () => void, ms: number): unknown
  clear(handle: unknown): void
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

/** Starts that never reach the start screen before the kiosk goes back to the release before. */
const crashLoopBoots = 3

export interface FleetServiceOptions {
  userDataDir: string
  fetch: FetchFunction
  appVersion: string
  counters: HealthCounters
  log: Logger
  now: () => Date
  timers?: Timers
  random?: () => number
  /** The longest one file may take to arrive, body included. */
  requestTimeoutMs?: number
  /** How long after a switch the start screen must be shown with the new release. */
  startScreenTimeoutMs?: number
  /** Told when another pack (or none) starts to show, with the layers before and after. */
  onSwitch?: (change: {
    packId: string | null
    before: Omit<LayerSources, 'staff'>
    after: Omit<LayerSources, 'staff'>
  }) => Promise<void>
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16)
const noFiles: ReleaseFiles = { pack: null, site: null }

/**
 * The kiosk's side of the fleet: checks the signed repository on a timer, stages a pack that
 * applies to this kiosk, switches to it only while the start screen shows (no visitor), goes
 * back when the start screen does not come up after a switch, and reports its health.
 * Nothing here ever waits in front of a visitor: checks run in the background.
 */
export function createFleetService(options: FleetServiceOptions) {
  const timers = options.timers ?? realTimers
  const random = options.random ?? Math.random
  const dir = join(options.userDataDir, 'fleet')
  const releases = createReleaseStore({ dir, now: options.now })
  const exclusive = createQueue()
  const startedAt = options.now()
  let config: FleetConfig | null = null
  let configProblems: Problem[] = []
  let state: ReleaseState = { version: 1, active: null, previous: [], staged: null, bad: [] }
  let files: ReleaseFiles = noFiles
  let lastSync: FleetSnapshot['lastSync'] = null
  let lastSuccessAt: string | null = null
  let nextCheckAt: string | null = null
  let metadataExpires: FleetSnapshot['metadataExpires'] = {}
  let failuresInARow = 0
  let syncTimer: unknown = null
  let watchdog: unknown = null
  let healthTimer: unknown = null
  let reporter: HealthReporter | null = null
  let stopped = false

  const stamp = () => state.active?.id ?? 'shipped'
  const layersOf = (shown: ReleaseFiles): Omit<LayerSources, 'staff'> => ({
    pack: shown.pack?.overrides ?? {},
    site: shown.site?.overrides ?? {},
    locks: shown.pack?.locks ?? [],
  })
  async function switched(before: ReleaseFiles): Promise<void> {
    const packId = state.active?.packId ?? null
    await options.onSwitch?.({ packId, before: layersOf(before), after: layersOf(files) })
  }

  function snapshot(): FleetSnapshot {
    const active = state.active
    const lastBad = state.bad.at(-1) ?? null
    return {
      pack: active?.packId
        ? {
            id: active.packId,
            version: active.packVersion,
            appliedAt: active.appliedAt,
            note: files.pack?.note ?? '',
          }
        : null,
      staged: state.staged?.packId ?? state.staged?.id ?? null,
      lastSync,
      lastSuccessAt,
      nextCheckAt,
      rolledBack: lastBad,
      metadataExpires,
    }
  }

  async function report(): Promise<void> {
    try {
      await reporter?.write()
    } catch (error) {
      options.log.error(`fleet: could not write the status files: ${error}`)
    }
  }

  async function loadActiveFiles(): Promise<void> {
    files = noFiles
    if (!state.active) return
    try {
      files = await releases.files(state.active)
    } catch (error) {
      options.log.error(
        `fleet: the active release ${state.active.id} cannot be read (${error}); going back`,
      )
      files = noFiles
    }
  }

  function armWatchdog(): void {
    timers.clear(watchdog)
    const id = state.active?.id
    watchdog = timers.set(() => {
      void exclusive(async () => {
        if (state.active?.id === id && !state.active?.confirmed)
          await rollBack('start-screen-timeout')
      })
    }, options.startScreenTimeoutMs ?? 60_000)
  }

  /** Back to the release before the active one, which is marked so it is never taken again. */
  async function rollBack(reason: 'start-screen-timeout' | 'crash-loop'): Promise<void> {
    const bad = state.active
    if (!bad) return
    const [back = null, ...older] = state.previous
    options.log.error(
      `fleet: ${bad.packId ?? bad.id} ${reason === 'crash-loop' ? 'crash-looped' : 'never reached the start screen'}; back to ${back?.packId ?? 'the shipped content'}`,
    )
    state = {
      ...state,
      active: back
        ? { ...back, appliedAt: options.now().toISOString(), confirmed: true, boots: 0 }
        : null,
      previous: older,
      staged: state.staged?.id === bad.id ? null : state.staged,
      bad: [
        ...state.bad,
        { packId: bad.packId ?? bad.id, reason, at: options.now().toISOString() },
      ],
    }
    await releases.write(state)
    timers.clear(watchdog)
    const before = files
    await loadActiveFiles()
    // The status says so first; the history's note of the switch follows.
    await report()
    await switched(before)
  }

  /** The bytes of a pack this kiosk already holds, else downloaded and checked. */
  async function packBytes(
    repo: Awaited<ReturnType<typeof openRepository>>,
    packId: string,
  ): Promise<Buffer> {
    for (const held of [state.active, state.staged, ...state.previous]) {
      if (held?.packId === packId) {
        try {
          return await readFile(join(dir, 'releases', held.id, 'pack.json'))
        } catch {
          // Gone from disk: download it again.
        }
      }
    }
    const bytes = await repo.download(targetPaths.pack(packId))
    if (!bytes)
      throw new SyncRefused(
        'pack-invalid',
        `the channel names ${packId}, which the repository does not list`,
      )
    return bytes
  }

  function parseTarget<T>(
    bytes: Buffer,
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    what: string,
  ): T {
    let json: unknown
    try {
      json = JSON.parse(bytes.toString('utf8'))
    } catch {
      throw new SyncRefused('garbage', `${what} is not JSON`)
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success)
      throw new SyncRefused('pack-invalid', `${what} does not pass the kiosk's schemas`)
    return parsed.data
  }

  async function checkRepository(current: FleetConfig): Promise<PackDecision> {
    const repo = await openRepository({
      config: current,
      cacheDir: join(dir, 'tuf'),
      fetch: options.fetch,
      timeoutMs: options.requestTimeoutMs ?? 20_000,
    })
    metadataExpires = await repo.expiries()
    const pointerBytes = await repo.download(targetPaths.channel(current.channel))
    if (!pointerBytes)
      throw new SyncRefused('no-channel', `no pointer for the ${current.channel} channel`)
    const pointer = parseTarget(
      pointerBytes,
      channelPointerSchema,
      `channels/${current.channel}.json`,
    )
    const decision = decidePack(pointer, {
      kioskId: current.kioskId,
      appVersion: options.appVersion,
      now: options.now(),
      badPacks: state.bad.map((b) => b.packId),
    })
    const packId = decision === 'applies' ? pointer.packId : (state.active?.packId ?? null)
    const pack = packId ? await packBytes(repo, packId) : undefined
    if (pack) parseTarget(pack, packSchema, `packs/${packId}.json`)
    const site = (await repo.download(targetPaths.site(current.siteId))) ?? undefined
    if (site) parseTarget(site, siteOverridesSchema, `sites/${current.siteId}.json`)
    // Nothing for this kiosk yet: it goes on with what it shows.
    if (!packId && !site) {
      await releases.write(state)
      return decision
    }
    const id = `${packId ?? 'shipped'}.${site ? sha(site) : 'no-site'}`
    if (id === state.active?.id) {
      if (state.staged) state = { ...state, staged: null }
    } else if (id !== state.staged?.id) {
      const release: Release = {
        id,
        packId,
        packVersion:
          decision === 'applies'
            ? await repo.targetsVersion()
            : (state.active?.packVersion ?? null),
        siteHash: site ? sha(site) : null,
        stagedAt: options.now().toISOString(),
      }
      await releases.stage(release, { pack, site })
      state = { ...state, staged: release }
      options.log.info(
        `fleet: ${packId ?? 'site overrides'} downloaded and checked; it applies at the next start screen`,
      )
    }
    await releases.write(state)
    return decision
  }

  /** One check of the repository; the reason of a failure is kept for status.json and staff. */
  function sync(): Promise<void> {
    return exclusive(async () => {
      const current = config
      if (!current) return
      const at = options.now().toISOString()
      try {
        const decision = await checkRepository(current)
        lastSync = { at, ok: true, reason: null, decision }
        lastSuccessAt = at
        failuresInARow = 0
      } catch (error) {
        const reason: SyncFailureReason = syncFailureReason(error)
        lastSync = { at, ok: false, reason, decision: null }
        failuresInARow += 1
        options.counters.syncFailed(reason)
        options.log.warn(
          `fleet: check failed (${reason}): ${error instanceof Error ? error.message : String(error)}; the kiosk goes on with what it has`,
        )
      }
      scheduleNext(nextDelayMs(current.syncMinutes, failuresInARow, random))
      await report()
    })
  }

  function scheduleNext(ms: number): void {
    if (stopped) return
    timers.clear(syncTimer)
    nextCheckAt = new Date(options.now().getTime() + ms).toISOString()
    syncTimer = timers.set(() => void sync(), ms)
  }

  /** A staged release becomes active: the one write of state.json is the switch. */
  async function switchToStaged(): Promise<void> {
    const staged = state.staged
    if (!staged) return
    let next: ReleaseFiles
    try {
      next = await releases.files(staged)
    } catch (error) {
      options.log.error(`fleet: staged release ${staged.id} cannot be read (${error}); dropped`)
      state = { ...state, staged: null }
      await releases.write(state)
      return
    }
    const previous = state.active ? [stripActive(state.active), ...state.previous] : state.previous
    state = {
      ...state,
      active: { ...staged, appliedAt: options.now().toISOString(), confirmed: false, boots: 0 },
      previous: previous.slice(0, keptReleases - 1),
      staged: null,
    }
    await releases.write(state)
    const before = files
    files = next
    options.log.info(`fleet: switched to ${staged.packId ?? staged.id} on the start screen`)
    armWatchdog()
    await releases.prune(state)
    // The status says so first; the history's note of the switch follows.
    await report()
    await switched(before)
  }

  async function start(): Promise<void> {
    const read = await readFleetConfig(options.userDataDir)
    if (read.state === 'absent') return
    if (read.state === 'invalid') {
      configProblems = read.problems
      options.log.error(
        `fleet: fleet.json cannot be used, so this kiosk does not update its content: ${describeProblems(read.problems)}`,
      )
      await writeFileAtomic(
        join(options.userDataDir, 'status', 'status.json'),
        `${JSON.stringify({ kioskId: null, lastSync: { at: startedAt.toISOString(), ok: false, reason: 'config-invalid' }, problems: read.problems }, null, 2)}\n`,
        { mode: 0o644 },
      ).catch((error: unknown) => options.log.error(`fleet: could not write status.json: ${error}`))
      return
    }
    config = read.config
    state = await releases.read()
    if (state.active && !state.active.confirmed) {
      state = { ...state, active: { ...state.active, boots: state.active.boots + 1 } }
      await releases.write(state)
    }
    await loadActiveFiles()
    reporter = createHealthReporter({
      config,
      statusDir: config.statusDir ?? join(options.userDataDir, 'status'),
      appVersion: options.appVersion,
      counters: options.counters,
      fleet: snapshot,
      now: options.now,
      startedAt,
      log: options.log,
    })
    if (state.active && !state.active.confirmed) {
      if (state.active.boots >= crashLoopBoots) await rollBack('crash-loop')
      else armWatchdog()
    }
    const every = () => {
      healthTimer = timers.set(() => void exclusive(report).then(every), otlpIntervalMs)
    }
    every()
    scheduleNext(firstDelayMs(config.syncMinutes, random))
    await report()
  }

  const ready = start().catch((error: unknown) =>
    options.log.error(`fleet: could not start: ${error}`),
  )

  return {
    ready,
    /** Staff's "Check now", and the tests': resolves when the check is done. */
    async checkNow(): Promise<void> {
      await ready
      await sync()
    },
    /**
     * The kiosk page shows the start screen, with the content of release `showing`: no visitor
     * is using the kiosk. Confirms a new release, or switches to a staged one; the answer is the
     * release the page should show.
     */
    startScreenShown(showing: string | null): Promise<{ current: string }> {
      return exclusive(async () => {
        await ready
        if (state.active && !state.active.confirmed && showing === stamp()) {
          state = { ...state, active: { ...state.active, confirmed: true, boots: 0 } }
          timers.clear(watchdog)
          await releases.write(state)
        }
        if (state.staged && (state.active?.confirmed ?? true)) await switchToStaged()
        return { current: stamp() }
      })
    },
    layers: (): Omit<LayerSources, 'staff'> => layersOf(files),
    isLocked: (key: string) => files.pack?.locks.includes(key) ?? false,
    /** The pack's and site's settings, used where this kiosk has no settings file of its own. */
    settings: (): Settings | null => layerSettings(files.pack, files.site, defaultSettings),
    /**
     * The fields the site publishes (its clinic name, phone…): the clinic group keeps these,
     * so they apply over this kiosk's own settings file, and staff cannot change them here.
     */
    siteSettings: (): Partial<Settings> => (files.site?.settings ?? {}) as Partial<Settings>,
    status: () => ({ config, configProblems, snapshot: snapshot() }),
    /** Writes status.json and kiosk.prom now: something IT watches (the printer) changed. */
    async reportNow(): Promise<void> {
      await ready
      if (!stopped) await exclusive(report)
    },
    /** Stops the timers and waits for a check or write under way, then for the exporter. */
    async stop(): Promise<void> {
      stopped = true
      for (const timer of [syncTimer, watchdog, healthTimer]) timers.clear(timer)
      await ready
      await exclusive(async () => undefined)
      await reporter?.shutdown()
    },
  }
}
export type FleetService = ReturnType<typeof createFleetService>

function stripActive(active: NonNullable<ReleaseState['active']>): Release {
  const { appliedAt: _a, confirmed: _c, boots: _b, ...release } = active
  return release
}
