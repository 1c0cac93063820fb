// The kiosk's performance bench: `npm run bench` (tsx tests/bench/run-bench.ts).
// Measures the built renderer against its floors and writes bench/results.json; see
// docs/performance.md. Missed targets are reported, never a failed exit: the process fails
// only when a measurement could not be taken. The soak is `npm run bench:soak`.
import { loadavg } from 'node:os'
import type { Browser } from '@playwright/test'
import { ensureRendererBuilt } from './build'
import { moduleResolver } from './bundle-composition'
import { launchBrowser } from './browser'
import { writePlainFloor, writeTapFloors } from './floor-pages'
import { multiPageSections, sectionPageCounts } from './kiosk'
import { describeMachine, envCount } from './machine'
import { measureBundle } from './measure-bundle'
import { measureColdStart } from './measure-cold-start'
import { measureIdle } from './measure-idle'
import { measurePrint } from './measure-print'
import { measureRecovery } from './measure-recovery'
import { measureSheets } from './measure-sheets'
import { measureStartupScripts } from './measure-startup-scripts'
import { measureTaps } from './measure-taps'
import { floorDir, rendererDir, resultsFile } from './paths'
import { snapshotSites, type BenchSites } from './snapshot'
import { formatEvidence } from './evidence'
import { formatTable, readResults, withSoak, writeResults } from './report'
import { judge, targets, type Measured, type Metrics } from './results'
import { startBenchHost, type BenchHost } from './server'
import { round } from './stats'

/** Shorter runs while working on the bench: BENCH_TAPS=20 BENCH_IDLE_MINUTES=1 npm run bench. */
const settings = {
  tapsPerTextSize: envCount('BENCH_TAPS', 120),
  idleMinutes: envCount('BENCH_IDLE_MINUTES', 10),
  coldStartRuns: envCount('BENCH_COLD_RUNS', 11),
  recoveryRuns: envCount('BENCH_RECOVERY_RUNS', 11),
  prints: envCount('BENCH_PRINTS', 20),
}

async function measure<T>(
  name: keyof Metrics,
  seconds: Partial<Record<keyof Metrics, number>>,
  run: () => Promise<T> | T,
): Promise<Measured<T>> {
  const started = Date.now()
  process.stdout.write(`- ${name} ... `)
  try {
    const value = await run()
    seconds[name] = round((Date.now() - started) / 1000)
    console.log(`${seconds[name]} s`)
    return { ok: true, value }
  } catch (error) {
    seconds[name] = round((Date.now() - started) / 1000)
    console.log('failed')
    console.error(error)
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

async function runAll(
  browser: Browser,
  sites: BenchSites,
  urls: { app: string; floor: string; plain: string },
  section: string,
) {
  const seconds: Partial<Record<keyof Metrics, number>> = {}
  const resolve = moduleResolver(sites.appDir, urls.app)
  const coldStart = await measure('coldStart', seconds, () =>
    measureColdStart(browser, urls, resolve, settings.coldStartRuns),
  )
  const startupScripts = await measure('startupScripts', seconds, () =>
    measureStartupScripts(browser, urls.app, sites.appDir),
  )
  const taps = await measure('taps', seconds, () =>
    measureTaps(browser, urls, section, resolve, settings.tapsPerTextSize),
  )
  const recovery = await measure('recovery', seconds, () =>
    measureRecovery(browser, urls.app, settings.recoveryRuns),
  )
  const print = await measure('print', seconds, () => measurePrint(urls.app, settings.prints))
  const bundle = await measure('bundle', seconds, () =>
    measureBundle(
      { app: sites.appDir, floor: sites.floorDir },
      coldStart.ok ? coldStart.value.appResourcesBeforeRunning : null,
    ),
  )
  const sheets = await measure('sheets', seconds, () => measureSheets(browser, urls))
  // Last, so nothing else runs on the machine while the idle pages are watched.
  const idle = await measure('idle', seconds, () =>
    measureIdle(browser, urls, section, settings.idleMinutes),
  )
  const metrics: Metrics = {
    coldStart,
    startupScripts,
    taps,
    idle,
    recovery,
    print,
    bundle,
    sheets,
  }
  return { metrics, seconds }
}

async function main(): Promise<number> {
  const load = loadavg()
  ensureRendererBuilt()
  const sites = await snapshotSites(rendererDir, floorDir)
  const hosts: BenchHost[] = []
  let browser: Browser | undefined
  try {
    const appHost = await startBenchHost(sites.appDir)
    hosts.push(appHost)
    browser = await launchBrowser()
    const section = multiPageSections(await sectionPageCounts(browser, appHost.url))[0]
    if (!section) throw new Error('no section with a next page to tap to')
    // The floor's pages are made from the app's before its host starts: it lists files once.
    await writePlainFloor(browser, appHost.url, sites.floorDir)
    await writeTapFloors(browser, sites, appHost.url, section)
    const floorHost = await startBenchHost(sites.floorDir)
    hosts.push(floorHost)
    const urls = {
      app: appHost.url,
      floor: floorHost.url,
      plain: new URL('plain.html', floorHost.url).href,
    }
    console.log(`App ${urls.app}, floor ${urls.floor} (copies in ${sites.root})`)
    console.log(
      `Settings ${JSON.stringify(settings)}, load average ${load.map((n) => round(n, 2)).join(' ')}`,
    )
    const machine = describeMachine(browser, load)
    const { metrics, seconds } = await runAll(browser, sites, urls, section)
    const results = withSoak(
      {
        date: new Date().toISOString(),
        machine,
        settings,
        secondsTaken: seconds,
        metrics,
        targets,
        pass: judge(metrics),
      },
      readResults(resultsFile)?.soakRun,
    )
    writeResults(resultsFile, results)
    console.log(`\n${formatTable(results)}\n\nEvidence\n${formatEvidence(results)}`)
    console.log(`\nWrote ${resultsFile}`)
    return Object.values(metrics).every((m: Measured<unknown>) => m.ok) ? 0 : 1
  } finally {
    await browser?.close()
    await Promise.all(hosts.map((host) => host.close()))
    sites.remove()
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error('The bench could not run:', error)
    process.exitCode = 1
  },
)
