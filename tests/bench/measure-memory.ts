import type { Browser, CDPSession, Page } from '@playwright/test'
import { openPage } from './browser'
import { sectionPage, sectionTile, startButton } from './kiosk'
import { heapCensus, heapGrowth, type HeapCounts, type HeapGrowth } from './heap-snapshot'
import { bytesToMB, ratio, round } from './stats'

/** 90 s without input, then the 15 s warning, then a second to spare: the kiosk resets. */
const idleUntilResetMs = 106_000
const checkEvery = 100
/** Visits after which every section has been opened many times over. */
const warmupVisits = 100
/** Rounds of the bench's own calls before visit 1: see warmUpHarness. */
const harnessWarmupRounds = 500

interface MemorySide {
  /** JS heap in use after forced GC, MB (2^20 bytes). */
  afterOneVisitMB: number
  afterAllVisitsMB: number
  growthMB: number
  /** The growth unrounded, which the target is judged on. */
  growthBytes: number
  /** Heap after GC every 100 visits, to tell a one-off from a steady leak. */
  seriesMB: { visits: number; heapMB: number }[]
  /**
   * From visit 100 (every section seen, its code compiled) to the last: growth once warm,
   * which a leak would keep up and warm-up would not.
   */
  growthAfterWarmupMB: number | null
  /** Heap snapshots after visit 1 and after the last: the kinds of object that grew most. */
  topGrowth?: HeapGrowth[]
  /** The same from visit 100 to the last. */
  topGrowthAfterWarmup?: HeapGrowth[]
  /** Growth of compiled code from visit 1 to the last, by the script the code belongs to. */
  codeGrowthByScript?: HeapGrowth[]
  seconds: number
}

export interface MemoryResult {
  visits: number
  /** Rounds of Playwright's own calls made before visit 1, on each side (warmUpHarness). */
  harnessWarmupRounds: number
  sections: string[]
  app: MemorySide
  floor: MemorySide
  afterOneVisitRatio: number | null
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}

const snapshot = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { kioskStateSnapshot: () => string }).kioskStateSnapshot(),
  )

/**
 * Playwright runs code inside the page it drives: its selector engine, its checks before a
 * click, its evaluations and its fake clock. V8 compiles that code as it gets hot, in the same
 * heap as the kiosk's, so left alone it would count as the kiosk's growth (about 0.3 MB over
 * 1,000 visits, measured by script). Before visit 1 that code is made hot on the start screen
 * with the same kinds of call the visits make, none of which reaches the kiosk's code: clicks
 * in trial mode (every check, no tap), queries that match nothing, an empty evaluation and a
 * millisecond of the clock.
 */
async function warmUpHarness(page: Page): Promise<void> {
  for (let round = 0; round < harnessWarmupRounds; round += 1) {
    await startButton(page).click({ trial: true })
    await startButton(page).waitFor()
    await page.getByTestId('page-next').count()
    await sectionPage(page, 'none', 2).count()
    await page.getByRole('alertdialog').count()
    await page.evaluate(() => 0)
    await page.clock.runFor(1)
  }
}

/** A visit that ends by walking away: start, a section, its next page, then the idle reset. */
async function appVisit(page: Page, section: string): Promise<void> {
  await startButton(page).click()
  await sectionTile(page, section).click()
  await page.getByTestId('page-next').click()
  await sectionPage(page, section, 2).waitFor()
  await page.clock.runFor(idleUntilResetMs)
}

/** The floor's nearest thing to a visit: its start link, then the same idle time passing. */
async function floorVisit(page: Page): Promise<void> {
  await startButton(page).click()
  await page.clock.runFor(idleUntilResetMs)
  await page.evaluate(() => {
    window.location.hash = ''
  })
}

async function runVisits(
  browser: Browser,
  url: string,
  visits: number,
  visit: (page: Page, n: number) => Promise<void>,
  verify: (page: Page) => Promise<void>,
  census = false,
): Promise<MemorySide> {
  const started = Date.now()
  const { context, page, close } = await openPage(browser)
  try {
    await page.clock.install()
    await page.goto(url)
    await startButton(page).waitFor()
    const cdp = await context.newCDPSession(page)
    await warmUpHarness(page)
    await visit(page, 0)
    await verify(page)
    const afterOne = await heapAfterGc(cdp)
    // Taken after the figure above, so the snapshot's own allocations are not in it.
    const first = census ? await heapCensus(cdp) : null
    const series = [{ visits: 1, heapMB: bytesToMB(afterOne) }]
    let last = afterOne
    let warm: { heap: number; census: HeapCounts | null } | null = null
    for (let n = 1; n < visits; n += 1) {
      await visit(page, n)
      if ((n + 1) % checkEvery === 0 || n + 1 === visits) {
        await verify(page)
        last = await heapAfterGc(cdp)
        series.push({ visits: n + 1, heapMB: bytesToMB(last) })
        if (n + 1 === warmupVisits && n + 1 < visits) {
          warm = { heap: last, census: census ? await heapCensus(cdp) : null }
        }
      }
    }
    const final = census ? await heapCensus(cdp) : null
    return {
      ...(first && final
        ? {
            topGrowth: heapGrowth(first.kinds, final.kinds),
            codeGrowthByScript: heapGrowth(first.codeByScript, final.codeByScript, 8),
          }
        : {}),
      ...(warm?.census && final
        ? { topGrowthAfterWarmup: heapGrowth(warm.census.kinds, final.kinds) }
        : {}),
      growthAfterWarmupMB: warm ? bytesToMB(last - warm.heap) : null,
      afterOneVisitMB: bytesToMB(afterOne),
      afterAllVisitsMB: bytesToMB(last),
      growthMB: bytesToMB(last - afterOne),
      growthBytes: last - afterOne,
      seriesMB: series,
      seconds: round((Date.now() - started) / 1000),
    }
  } finally {
    await close()
  }
}

/**
 * JS heap after forced GC after one visit and after `visits` visits that each end in the idle
 * reset, on Playwright's fake clock so the 106 s of idling take no real time.
 */
export async function measureMemory(
  browser: Browser,
  urls: { app: string; floor: string },
  sections: string[],
  visits = 1000,
): Promise<MemoryResult> {
  if (sections.length === 0) throw new Error('no section with a next page to visit')
  let coldSnapshot: string | undefined
  const app = await runVisits(
    browser,
    urls.app,
    visits,
    (page, n) => appVisit(page, sections[n % sections.length] ?? sections[0] ?? ''),
    async (page) => {
      // Back on the start screen, with no warning left and nothing of the visit kept.
      await startButton(page).waitFor({ timeout: 5_000 })
      if ((await page.getByRole('alertdialog').count()) > 0) throw new Error('warning still up')
      const state = await snapshot(page)
      coldSnapshot ??= state
      if (state !== coldSnapshot) throw new Error('the visit reset left state behind')
    },
    true,
  )
  const floor = await runVisits(browser, urls.floor, visits, floorVisit, async (page) => {
    await startButton(page).waitFor({ timeout: 5_000 })
  })
  return {
    visits,
    harnessWarmupRounds,
    sections,
    app,
    floor,
    afterOneVisitRatio: ratio(app.afterOneVisitMB, floor.afterOneVisitMB),
  }
}
