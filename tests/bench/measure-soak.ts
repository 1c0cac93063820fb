import type { Browser, CDPSession, Page } from '@playwright/test'
import { defaultSettings } from '../../electron/shared/settings-defaults'
import { openPage } from './browser'
import { heapCensus, heapGrowth, type HeapGrowth } from './heap-snapshot'
import { homeScreen, sectionPage, sectionTile, startButton } from './kiosk'
import { bytesToMB, round } from './stats'

/** The walk-away timeout, then its warning, then a second to spare: the kiosk resets. */
const idleUntilResetMs =
  (defaultSettings.idleTimeoutSeconds + defaultSettings.idleWarningSeconds + 1) * 1000
/** Rounds of the bench's own calls before visit 1: see warmUpHarness. */
const harnessWarmupRounds = 500

interface DomCounters {
  documents: number
  nodes: number
  jsEventListeners: number
}

/** What a visit did besides reading: the soak rotates through these. */
type Extra = 'none' | 'help-check' | 'stretch-timer' | 'print-preview'

export interface SoakResult {
  visits: number
  /** The visit whose heap and DOM counters the later visits are held to (500 in the full soak). */
  baselineVisit: number
  harnessWarmupRounds: number
  sections: string[]
  /** Visits by what they did besides reading. */
  extras: Record<Extra, number>
  /** JS heap after GC (CDP HeapProfiler.collectGarbage twice, Runtime.getHeapUsage), MB. */
  heapAtBaselineMB: number
  heapAtEndMB: number
  /** End − baseline, MB (2^20 bytes): target within ± 0.25 MB. */
  heapGrowthMB: number
  heapGrowthBytes: number
  heapSeriesMB: { visits: number; heapMB: number }[]
  /** CDP Memory.getDOMCounters after the baseline visit's reset, after GC. */
  domAtBaseline: DomCounters
  /** Resets after the baseline that were checked (every one of them). */
  resetsChecked: number
  /**
   * Resets whose counters matched only after a GC: the first read, without one, also counts
   * nodes that are garbage not yet collected.
   */
  resetsNeedingGc: number
  /** Resets whose counters, after GC, were not back to the baseline's: the first few. */
  domMismatches: { visit: number; counters: DomCounters }[]
  domMismatchCount: number
  /** The kinds of object that grew most from the baseline visit to the last. */
  topGrowth: HeapGrowth[]
  seconds: number
  /** Visits a second after the baseline: what a longer soak's time is estimated from. */
  visitsPerSecond: number
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}

const domCounters = async (cdp: CDPSession): Promise<DomCounters> => {
  const { documents, nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters')
  return { documents, nodes, jsEventListeners }
}

const sameCounters = (a: DomCounters, b: DomCounters) =>
  a.documents === b.documents && a.nodes === b.nodes && a.jsEventListeners === b.jsEventListeners

const snapshot = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { kioskStateSnapshot: () => string }).kioskStateSnapshot(),
  )

/**
 * Playwright runs code inside the page it drives (its selector engine, its checks before a
 * click, its evaluations, its fake clock), compiled by V8 in the kiosk's heap as it gets hot.
 * Before visit 1 that code is made hot on the start screen with the kinds of call the visits
 * make, none of which reaches the kiosk's code (docs/performance.md, "Memory").
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

/** Small deterministic random numbers, so every soak makes the same visits. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 2 ** 32
  }
}

const extraFor = (n: number): Extra =>
  (['none', 'help-check', 'none', 'stretch-timer', 'none', 'print-preview'] as const)[n % 6]!

async function goHome(page: Page): Promise<void> {
  await page.getByTestId('nav-home').click()
  await page.locator(homeScreen).first().waitFor()
}

/** 2–4 screens of reading: sections' first pages, their next pages, and home between. */
async function read(page: Page, sections: string[], next: () => number): Promise<void> {
  const screens = 2 + Math.floor(next() * 3)
  let shown = 0
  while (shown < screens) {
    const id = sections[Math.floor(next() * sections.length)] ?? sections[0]!
    await sectionTile(page, id).click()
    await sectionPage(page, id, 1).waitFor()
    shown += 1
    if (shown < screens && next() < 0.5) {
      await page.getByTestId('page-next').click()
      await sectionPage(page, id, 2).waitFor()
      shown += 1
    }
    if (shown < screens) await goHome(page)
  }
}

async function doExtra(page: Page, extra: Extra, n: number): Promise<void> {
  if (extra === 'none') return
  await goHome(page)
  if (extra === 'help-check') {
    await page.getByTestId('tile-get-help').click()
    await page.getByTestId('start-help-check').click()
    await page.getByTestId('help-check-start').click()
    await page.getByTestId('help-check-question').waitFor()
    await page.getByTestId('help-check-no').click()
  } else if (extra === 'stretch-timer') {
    await page.getByTestId('tile-stretches').click()
    await page.locator('[data-testid^="stretch-tile-"]').first().click()
    await page.getByTestId('stretch-action').click()
  } else {
    await page.getByTestId('tile-sheets').click()
    const sheets = page.locator('.sheet-card button[data-testid^="print-"]')
    await sheets.nth(n % Math.max(1, await sheets.count())).click()
    await page.getByTestId('print-confirm-yes').waitFor()
  }
}

/**
 * Requests the page has in flight. The fake clock stops only timers: a screen that waits on
 * the backend (over real HTTP) has not finished acting on a tap until its answer comes, so
 * the clock runs only once none is in flight, as real time would let them finish first.
 */
function inFlight(page: Page): () => Promise<void> {
  let pending = 0
  page.on('request', () => (pending += 1))
  page.on('requestfinished', () => (pending -= 1))
  page.on('requestfailed', () => (pending -= 1))
  return async () => {
    for (let waited = 0; pending > 0; waited += 10) {
      if (waited > 10_000) throw new Error(`${pending} requests still in flight after 10 s`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}

/** The visitor walks away: time passes on the fake clock until the start screen is back. */
async function walkAway(
  page: Page,
  settled: () => Promise<void>,
  n: number,
  extra: Extra,
): Promise<void> {
  await settled()
  await page.clock.runFor(idleUntilResetMs)
  // A running stretch timer holds the reset off for its hold; time runs on until it comes.
  for (let minutes = 0; !(await startButton(page).isVisible()); minutes += 1) {
    if (minutes >= 10) {
      const where = await page.evaluate(() => window.location.hash)
      throw new Error(`visit ${n} (${extra}): no walk-away reset in 10 more minutes, at ${where}`)
    }
    await settled()
    await page.clock.runFor(60_000)
  }
  await settled()
}

/**
 * A year of visits, on Playwright's clock: touch to start, 2–4 screens, every other visit a
 * help check, a stretch timer or a print preview, then walking away until the reset. The heap
 * after GC at the last visit is held to the baseline visit's, and CDP's DOM counters are read
 * after every reset from the baseline on (cheaply: a GC only when the first read differs).
 */
export async function measureSoak(
  browser: Browser,
  appUrl: string,
  sections: string[],
  visits: number,
  baselineVisit: number,
  onProgress: (visit: number) => void = () => undefined,
): Promise<SoakResult> {
  if (sections.length === 0) throw new Error('no section with a next page to visit')
  const started = Date.now()
  const { context, page, close } = await openPage(browser)
  try {
    const settled = inFlight(page)
    await page.clock.install()
    await page.goto(appUrl)
    await startButton(page).waitFor()
    const cdp = await context.newCDPSession(page)
    await warmUpHarness(page)
    const extras: Record<Extra, number> = {
      none: 0,
      'help-check': 0,
      'stretch-timer': 0,
      'print-preview': 0,
    }
    let coldState: string | undefined
    let baseline: {
      heap: number
      dom: DomCounters
      kinds: Awaited<ReturnType<typeof heapCensus>>['kinds']
      at: number
    } | null = null
    const series: SoakResult['heapSeriesMB'] = []
    const mismatches: SoakResult['domMismatches'] = []
    let mismatchCount = 0
    let resetsChecked = 0
    let resetsNeedingGc = 0
    let last = 0
    for (let n = 1; n <= visits; n += 1) {
      const next = random(n * 2654435761)
      const extra = extraFor(n)
      extras[extra] += 1
      await startButton(page).click()
      await page.locator(homeScreen).first().waitFor()
      await read(page, sections, next)
      await doExtra(page, extra, n)
      await walkAway(page, settled, n, extra)
      if (n % 500 === 0 || n === baselineVisit || n === visits) {
        const state = await snapshot(page)
        coldState ??= state
        if (state !== coldState) throw new Error(`visit ${n}: the reset left state behind`)
        last = await heapAfterGc(cdp)
        series.push({ visits: n, heapMB: bytesToMB(last) })
        onProgress(n)
      }
      if (n === baselineVisit) {
        const dom = await domCounters(cdp)
        baseline = { heap: last, dom, kinds: (await heapCensus(cdp)).kinds, at: Date.now() }
      } else if (baseline) {
        resetsChecked += 1
        let counters = await domCounters(cdp)
        if (!sameCounters(counters, baseline.dom)) {
          resetsNeedingGc += 1
          await cdp.send('HeapProfiler.collectGarbage')
          counters = await domCounters(cdp)
        }
        if (!sameCounters(counters, baseline.dom)) {
          mismatchCount += 1
          if (mismatches.length < 10) mismatches.push({ visit: n, counters })
        }
      }
    }
    if (!baseline) throw new Error(`the soak ended before its baseline visit ${baselineVisit}`)
    const final = await heapCensus(cdp)
    const seconds = round((Date.now() - started) / 1000)
    return {
      visits,
      baselineVisit,
      harnessWarmupRounds,
      sections,
      extras,
      heapAtBaselineMB: bytesToMB(baseline.heap),
      heapAtEndMB: bytesToMB(last),
      heapGrowthMB: bytesToMB(last - baseline.heap),
      heapGrowthBytes: last - baseline.heap,
      heapSeriesMB: series,
      domAtBaseline: baseline.dom,
      resetsChecked,
      resetsNeedingGc,
      domMismatches: mismatches,
      domMismatchCount: mismatchCount,
      topGrowth: heapGrowth(baseline.kinds, final.kinds),
      seconds,
      visitsPerSecond: round((visits - baselineVisit) / ((Date.now() - baseline.at) / 1000), 2),
    }
  } finally {
    await close()
  }
}
