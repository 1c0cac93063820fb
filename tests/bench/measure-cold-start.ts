import type { Browser } from '@playwright/test'
import { openPage } from './browser'
import {
  profileMainThread,
  type MainThreadProfile,
  type ModuleResolver,
} from './profile-main-thread'
import { firstTapProbe, readyProbe, type BenchWindow } from './probes'
import { median, ratio, round } from './stats'

interface ColdStartRun {
  /** First contentful paint, ms from navigation start; null if the browser reported none. */
  fcpMs: number | null
  /** The touch-to-start control is in the document, enabled and rendered: it takes taps. */
  readyMs: number
  /** The app is running (mounted), so a tap acts at once; for a static page, when ready. */
  runningMs: number
}

interface ColdStartSide {
  runs: ColdStartRun[]
  fcpMedianMs: number | null
  readyMedianMs: number
  runningMedianMs: number
}

export interface ColdStartResult {
  runsPerSide: number
  app: ColdStartSide
  floor: ColdStartSide
  fcpRatio: number | null
  /** The plain page (the start screen's text, no stylesheet, no script): first paint, ms. */
  plain: { fcpRunsMs: number[]; fcpMedianMs: number | null }
  /** App's first contentful paint ÷ the plain page's: target ≤ 1.3 (issue 20). */
  fcpPlainRatio: number | null
  readyRatio: number | null
  /** The app running, against the floor being ready. */
  runningRatio: number | null
  /** App runs whose first tap landed before the app was running, and still led on. */
  appTapsBeforeRunning: number
  /** Scripts and stylesheets (paths in the build) the app had fetched when it was running. */
  appResourcesBeforeRunning: string[]
  /** Median of each milestone over the app's runs: where the wait before the start is. */
  appPhasesMedian: StartPhases
  /**
   * The first tap's "Touch to start" to the home screen's frame, ms (medians): tapped as soon
   * as the start screen takes taps (the app's code loads on that tap), and tapped once the
   * start screen has been up `settledTapAfterMs` (the app loaded after first paint, unasked).
   */
  firstTap: {
    atOnceMedianMs: number
    settledMedianMs: number
    settledTapAfterMs: number
    atOnceRunsMs: number[]
    settledRunsMs: number[]
  }
  /** One more, traced, app start (not timed): where the main thread's time goes. */
  appProfile: MainThreadProfile | null
}

/** Milestones of one app start, ms from navigation start. */
interface StartPhases {
  firstScriptLoadedMs: number
  domContentLoadedMs: number
  lastScriptLoadedMs: number
  readyMs: number
  runningMs: number
}

interface RunDetail extends ColdStartRun {
  tappedBeforeRunning: boolean
  /** The first tap's pointerdown to the home screen's frame (the app only; the floor has none). */
  firstTapMs: number | null
  resourcesBeforeRunning: string[]
  phases: StartPhases
}

/** How long the start screen is left before the "settled" first tap: the app's 1 s, and 2 s. */
const settledTapAfterMs = 3_000

async function coldRun(
  browser: Browser,
  url: string,
  options: { firstTap?: boolean; tapAfterMs?: number } = {},
): Promise<RunDetail> {
  const { firstTap = false, tapAfterMs = 0 } = options
  const { page, close } = await openPage(browser, { disableCache: true })
  try {
    await page.addInitScript(readyProbe)
    await page.addInitScript(firstTapProbe)
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForFunction(() => (window as BenchWindow).__benchReadyAt !== undefined)
    if (tapAfterMs) await page.waitForTimeout(tapAfterMs)
    // Interactive means a tap works: tapped as soon as it shows, the start control must lead
    // on, even if the app is not running yet.
    const before = await page.evaluate(() => window.location.href)
    await page.getByTestId('touch-to-start').click()
    await page.waitForFunction(() => {
      const w = window as BenchWindow
      return w.__benchRunningAt !== undefined || !document.getElementById('app')
    })
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, {
        timeout: 5_000,
      })
      .catch(() => undefined)
    const detail = await page.evaluate(() => {
      const readyMs = (window as BenchWindow).__benchReadyAt ?? Number.NaN
      const runningMs = (window as BenchWindow).__benchRunningAt ?? readyMs
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]
      const base = new URL('.', window.location.href).href
      const resources = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= runningMs && entry.name.startsWith(base))
        .map((entry) => entry.name.slice(base.length).split(/[?#]/)[0] ?? '')
        .filter((path) => /\.(js|css)$/.test(path))
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= runningMs && /\.js($|\?)/.test(entry.name))
        .map((entry) => (entry as PerformanceResourceTiming).responseEnd)
      const navigation = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined
      const phases = {
        firstScriptLoadedMs: scripts.length ? Math.min(...scripts) : 0,
        domContentLoadedMs: navigation?.domContentLoadedEventStart ?? 0,
        lastScriptLoadedMs: scripts.length ? Math.max(...scripts) : 0,
        readyMs,
        runningMs,
      }
      return {
        readyMs,
        runningMs,
        fcpMs: fcp ? fcp.startTime : null,
        resourcesBeforeRunning: resources,
        phases,
      }
    })
    await page.waitForFunction((start) => window.location.href !== start, before, {
      timeout: 5_000,
    })
    const tappedBeforeRunning = await page.evaluate(() => {
      const w = window as BenchWindow
      return (w.__benchFirstClickAt ?? Infinity) < (w.__benchRunningSeenAt ?? -Infinity)
    })
    const firstTapMs = firstTap
      ? await page
          .waitForFunction(() => {
            const w = window as BenchWindow
            return w.__benchHomeAt !== undefined && w.__benchHomeAt - (w.__benchFirstTouchAt ?? 0)
          })
          .then((handle) => handle.jsonValue() as Promise<number>)
      : null
    return { ...detail, tappedBeforeRunning, firstTapMs }
  } finally {
    await close()
  }
}

/** First contentful paint of a page with nothing to wait for, in a fresh uncached context. */
async function plainRun(browser: Browser, url: string): Promise<number | null> {
  const { page, close } = await openPage(browser, { disableCache: true })
  try {
    await page.goto(url, { waitUntil: 'load' })
    return await page
      .waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false,
        undefined,
        { timeout: 5_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(() => null)
  } finally {
    await close()
  }
}

async function profiledRun(browser: Browser, url: string, resolve: ModuleResolver) {
  const { page, close } = await openPage(browser, { disableCache: true })
  try {
    await page.addInitScript(readyProbe)
    return await profileMainThread(browser, new URL(url).origin, resolve, async () => {
      await page.goto(url)
      await page.waitForFunction(() => (window as BenchWindow).__benchRunningAt !== undefined)
    })
  } finally {
    await close()
  }
}

function summarise(runs: ColdStartRun[]): ColdStartSide {
  const fcps = runs.map((run) => run.fcpMs).filter((fcp): fcp is number => fcp !== null)
  return {
    runs: runs.map((run) => ({
      fcpMs: run.fcpMs === null ? null : round(run.fcpMs),
      readyMs: round(run.readyMs),
      runningMs: round(run.runningMs),
    })),
    fcpMedianMs: fcps.length ? round(median(fcps)) : null,
    readyMedianMs: round(median(runs.map((run) => run.readyMs))),
    runningMedianMs: round(median(runs.map((run) => run.runningMs))),
  }
}

/**
 * Cold start of the app, of the floor and of the plain page, taking turns so that all see the
 * same machine load; each run is a fresh context with the HTTP cache disabled. One warm-up
 * run of each (the browser's first navigations are slower) is not counted.
 */
export async function measureColdStart(
  browser: Browser,
  urls: { app: string; floor: string; plain: string },
  resolve: ModuleResolver,
  runs = 11,
): Promise<ColdStartResult> {
  await coldRun(browser, urls.app)
  await coldRun(browser, urls.floor)
  await plainRun(browser, urls.plain)
  const app: RunDetail[] = []
  const floor: RunDetail[] = []
  const plain: number[] = []
  const settled: number[] = []
  for (let i = 0; i < runs; i += 1) {
    app.push(await coldRun(browser, urls.app, { firstTap: true }))
    const later = await coldRun(browser, urls.app, {
      firstTap: true,
      tapAfterMs: settledTapAfterMs,
    })
    settled.push(later.firstTapMs ?? Number.NaN)
    floor.push(await coldRun(browser, urls.floor))
    const fcp = await plainRun(browser, urls.plain)
    if (fcp !== null) plain.push(fcp)
  }
  const plainFcp = plain.length ? round(median(plain)) : null
  const appProfile = await profiledRun(browser, urls.app, resolve).catch(() => null)
  const appSide = summarise(app)
  const floorSide = summarise(floor)
  return {
    runsPerSide: runs,
    app: appSide,
    floor: floorSide,
    fcpRatio: ratio(appSide.fcpMedianMs, floorSide.fcpMedianMs),
    plain: { fcpRunsMs: plain.map((ms) => round(ms)), fcpMedianMs: plainFcp },
    fcpPlainRatio: ratio(appSide.fcpMedianMs, plainFcp),
    readyRatio: ratio(appSide.readyMedianMs, floorSide.readyMedianMs),
    runningRatio: ratio(appSide.runningMedianMs, floorSide.readyMedianMs),
    appTapsBeforeRunning: app.filter((run) => run.tappedBeforeRunning).length,
    appResourcesBeforeRunning: [...new Set(app.flatMap((run) => run.resourcesBeforeRunning))],
    appPhasesMedian: {
      firstScriptLoadedMs: round(median(app.map((run) => run.phases.firstScriptLoadedMs))),
      domContentLoadedMs: round(median(app.map((run) => run.phases.domContentLoadedMs))),
      lastScriptLoadedMs: round(median(app.map((run) => run.phases.lastScriptLoadedMs))),
      readyMs: round(median(app.map((run) => run.phases.readyMs))),
      runningMs: round(median(app.map((run) => run.phases.runningMs))),
    },
    firstTap: {
      atOnceMedianMs: round(median(app.map((run) => run.firstTapMs ?? Number.NaN))),
      settledMedianMs: round(median(settled)),
      settledTapAfterMs,
      atOnceRunsMs: app.map((run) => round(run.firstTapMs ?? Number.NaN)),
      settledRunsMs: settled.map((ms) => round(ms)),
    },
    appProfile,
  }
}
