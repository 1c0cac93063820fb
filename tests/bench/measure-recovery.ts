import type { Browser, Page } from '@playwright/test'
import { openPage } from './browser'
import { homeScreen, startButton } from './kiosk'
import { readyProbe, type BenchWindow } from './probes'
import { median, ratio, round } from './stats'

/** From a moment in Node's clock to the start screen taking taps, and to the app running. */
interface Back {
  readyMs: number
  runningMs: number
}

interface RecoverySide {
  runs: Back[]
  readyMedianMs: number
  runningMedianMs: number
}

export interface RecoveryResult {
  runsPerSide: number
  /** A fresh browser context opening the kiosk, from the call to open it. */
  coldStart: RecoverySide
  /** The web host's renderer crash: the page reloaded mid-visit, from the reload's call. */
  reload: RecoverySide
  /** The tab's renderer killed by CDP (Page.crash) mid-visit, then reloaded, from the crash. */
  crash: RecoverySide | null
  /** Why the CDP crash could not be measured, when it could not. */
  crashNote?: string
  /** Back after a reload ÷ cold start, on the moment the start screen takes taps: ≤ 1.5. */
  reloadRatio: number | null
  reloadRunningRatio: number | null
  crashRatio: number | null
}

/**
 * Both moments on the page's own clock turned into Node's: performance.timeOrigin is the
 * page's epoch time of its navigation start, comparable to Date.now() on the same machine.
 */
async function backAt(page: Page, since: number): Promise<Back> {
  await page.waitForFunction(() => {
    const w = window as BenchWindow
    return w.__benchReadyAt !== undefined && w.__benchRunningAt !== undefined
  })
  const at = await page.evaluate(() => {
    const w = window as BenchWindow
    return {
      ready: performance.timeOrigin + (w.__benchReadyAt ?? Number.NaN),
      running: performance.timeOrigin + (w.__benchRunningAt ?? Number.NaN),
    }
  })
  return { readyMs: at.ready - since, runningMs: at.running - since }
}

/** A visit under way: the home screen is up, so recovery must bring back the start screen. */
async function midVisit(page: Page): Promise<void> {
  await startButton(page).click()
  await page.locator(homeScreen).first().waitFor()
}

async function coldRun(browser: Browser, url: string): Promise<Back> {
  const { page, close } = await openPage(browser)
  try {
    await page.addInitScript(readyProbe)
    const since = Date.now()
    await page.goto(url)
    return await backAt(page, since)
  } finally {
    await close()
  }
}

async function reloadRun(browser: Browser, url: string, crash: boolean): Promise<Back> {
  const { context, page, close } = await openPage(browser)
  try {
    await context.addInitScript(readyProbe)
    await page.goto(url)
    await midVisit(page)
    if (!crash) {
      const since = Date.now()
      // The start URL without the visit's fragment: a full load, as a reload after a crash.
      await page.goto(url)
      return await backAt(page, since)
    }
    const cdp = await context.newCDPSession(page)
    const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()))
    void cdp.send('Page.crash').catch(() => undefined)
    await crashed
    // A crashed tab takes no more navigations: the kiosk opens again in a new one, in the
    // same browser session (its HTTP cache kept), as a supervisor would.
    const since = Date.now()
    const again = await context.newPage()
    await again.goto(url)
    return await backAt(again, since)
  } finally {
    await close()
  }
}

const side = (runs: Back[]): RecoverySide => ({
  runs: runs.map((r) => ({ readyMs: round(r.readyMs), runningMs: round(r.runningMs) })),
  readyMedianMs: round(median(runs.map((r) => r.readyMs))),
  runningMedianMs: round(median(runs.map((r) => r.runningMs))),
})

/**
 * Back after a crash against a cold start, taking turns: in the web host a renderer crash is
 * a page reload; the tab's renderer is also killed outright (CDP Page.crash) and the kiosk
 * opened again in the same tab. Caching is left as the browser has it, as on the kiosk.
 */
export async function measureRecovery(
  browser: Browser,
  appUrl: string,
  runs = 11,
): Promise<RecoveryResult> {
  await coldRun(browser, appUrl)
  const cold: Back[] = []
  const reload: Back[] = []
  const crash: Back[] = []
  let crashNote: string | undefined
  for (let i = 0; i < runs; i += 1) {
    cold.push(await coldRun(browser, appUrl))
    reload.push(await reloadRun(browser, appUrl, false))
    if (crashNote === undefined) {
      try {
        crash.push(await reloadRun(browser, appUrl, true))
      } catch (error) {
        crashNote = `CDP Page.crash: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
      }
    }
  }
  const coldSide = side(cold)
  const reloadSide = side(reload)
  const crashSide = crash.length === runs ? side(crash) : null
  return {
    runsPerSide: runs,
    coldStart: coldSide,
    reload: reloadSide,
    crash: crashSide,
    ...(crashNote ? { crashNote } : {}),
    reloadRatio: ratio(reloadSide.readyMedianMs, coldSide.readyMedianMs),
    reloadRunningRatio: ratio(reloadSide.runningMedianMs, coldSide.runningMedianMs),
    crashRatio: crashSide ? ratio(crashSide.readyMedianMs, coldSide.readyMedianMs) : null,
  }
}
