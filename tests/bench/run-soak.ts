// The year of visits: `npm run bench:soak` (tsx tests/bench/run-soak.ts). 10,000 visits on
// Playwright's clock, held to visit 500; BENCH_SOAK_VISITS=200 for a quick check of the code
// (the baseline is then visit 50, a quarter of the visits). Adds its run to
// bench/results.json and prints the bench's table with it; see docs/performance.md.
import { loadavg } from 'node:os'
import type { Browser } from '@playwright/test'
import { ensureRendererBuilt } from './build'
import { launchBrowser } from './browser'
import { multiPageSections, sectionPageCounts } from './kiosk'
import { describeMachine, envCount } from './machine'
import { measureSoak } from './measure-soak'
import { rendererDir, floorDir, resultsFile } from './paths'
import { formatTable, readResults, withSoak, writeResults } from './report'
import type { BenchResults, Measured, SoakRun } from './results'
import type { SoakResult } from './measure-soak'
import { startBenchHost, type BenchHost } from './server'
import { snapshotSites } from './snapshot'

const visits = Math.floor(envCount('BENCH_SOAK_VISITS', 10_000))
const baselineVisit = Math.min(500, Math.max(1, Math.floor(visits / 4)))

async function main(): Promise<number> {
  const load = loadavg()
  ensureRendererBuilt()
  const sites = await snapshotSites(rendererDir, floorDir)
  let host: BenchHost | undefined
  let browser: Browser | undefined
  try {
    host = await startBenchHost(sites.appDir)
    browser = await launchBrowser()
    const machine = describeMachine(browser, load)
    console.log(`Soak: ${visits} visits against visit ${baselineVisit}, on ${host.url}`)
    const started = Date.now()
    const sections = multiPageSections(await sectionPageCounts(browser, host.url))
    let soak: Measured<SoakResult>
    try {
      soak = {
        ok: true,
        value: await measureSoak(browser, host.url, sections, visits, baselineVisit, (n) => {
          const rate = n / ((Date.now() - started) / 1000)
          console.log(
            `- visit ${n}: ${rate.toFixed(2)} visits/s, ${Math.round((visits - n) / rate / 60)} min to go`,
          )
        }),
      }
    } catch (error) {
      console.error(error)
      soak = { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
    const soakRun: SoakRun = { date: new Date().toISOString(), machine, soak }
    const previous = readResults(resultsFile)
    if (previous?.metrics) {
      const results = withSoak(previous as BenchResults, soakRun)
      writeResults(resultsFile, results)
      console.log(`\n${formatTable(results)}`)
    } else {
      // `npm run bench` keeps this soak run when it writes its own figures.
      writeResults(resultsFile, { soakRun })
      console.log(JSON.stringify(soakRun, null, 2))
    }
    return soak.ok ? 0 : 1
  } finally {
    await browser?.close()
    await host?.close()
    sites.remove()
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error('The soak could not run:', error)
    process.exitCode = 1
  },
)
