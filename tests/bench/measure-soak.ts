import type { Browser, CDPSession, Page } from '@playwright/test'
import { defaultSettings } from '../../electron/shared/settings-defaults'
import { openPage, pageFunction } from './browser'
import { heapCensus, heapGrowth, type HeapGrowth } from './heap-snapshot'
import { homeScreen, sectionScreen, startButton } from './kiosk'
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

/** A reset whose DOM counters were still not the baseline's after the GCs. */
interface DomMismatch {
  visit: number
  counters: DomCounters
  /** Where the page was, and what was in it: the screen's elements, and any outside the app. */
  hash: string
  screens: string[]
  /** Whether the next reset's counters were the baseline's again: a passing state, not a leak. */
  backAtNextReset?: boolean
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
  domMismatches: DomMismatch[]
  domMismatchCount: number
  /** The kinds of object that grew most from the baseline visit to the last. */
  topGrowth: HeapGrowth[]
  /**
   * V8's compiled code that grew most, by the script it belongs to: the kiosk's chunks, or
   * the bench's own (Playwright's injected scripts and evaluate calls have no URL).
   */
  codeGrowthByScript: HeapGrowth[]
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

const whereNow = (page: Page) =>
  page.evaluate(() => ({
    hash: window.location.hash,
    screens: [...document.querySelectorAll('.kiosk-main > *, body > :not(#app)')].map(
      (element) => `${element.tagName.toLowerCase()}.${element.className}`,
    ),
  }))

/** One tap of a visit: the control (the `index`th match, counted round), then what it leads to. */
interface Tap {
  tap: string
  index?: number
  /** What must be in the document before the next tap; none when the screen stays. */
  until?: string
}

/**
 * Taps through a visit inside the page: each tap is the touchscreen's events on the control
 * (pointerdown, pointerup, then click), and the next waits until the screen it leads to is in
 * the document (a MutationObserver: the page's timers are Playwright's fake clock's). One call
 * a visit instead of a Playwright action a tap: the soak's 10,000 visits then take minutes a
 * thousand, not hours, and little of Playwright's own code runs in the kiosk's heap.
 */
const tapThrough = pageFunction(async (taps: Tap[]): Promise<void> => {
  // No named inner functions: see pageFunction.
  const waits: ((selector: string) => Promise<void>)[] = [
    (selector) =>
      new Promise<void>((resolve) => {
        if (document.querySelector(selector)) return resolve()
        const watcher = new MutationObserver(() => {
          if (!document.querySelector(selector)) return
          watcher.disconnect()
          resolve()
        })
        watcher.observe(document.body, { childList: true, subtree: true, attributes: true })
      }),
  ]
  const present = waits[0]!
  for (const step of taps) {
    await present(step.tap)
    const matches = document.querySelectorAll<HTMLElement>(step.tap)
    const control = matches[(step.index ?? 0) % matches.length]!
    const at = { bubbles: true, cancelable: true, composed: true, pointerId: 1, isPrimary: true }
    control.dispatchEvent(new PointerEvent('pointerdown', { ...at, buttons: 1 }))
    control.dispatchEvent(new PointerEvent('pointerup', at))
    control.click()
    if (step.until) await present(step.until)
  }
})

/** Runs a visit's taps in the page; a screen that never comes fails the soak, naming it. */
async function visit(page: Page, taps: Tap[], n: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`visit ${n}: stuck on ${JSON.stringify(taps)} for 15 s`))
    }, 15_000)
  })
  try {
    await Promise.race([page.evaluate(tapThrough, taps), stuck])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Playwright runs code inside the page it drives (its evaluations, its checks, its fake
 * clock), compiled by V8 in the kiosk's heap as it gets hot. Before visit 1 that code is made
 * hot on the start screen with the kinds of call the visits make, none of which reaches the
 * kiosk's code (docs/performance.md, "Memory").
 */
async function warmUpHarness(page: Page): Promise<void> {
  for (let round = 0; round < harnessWarmupRounds; round += 1) {
    await page.evaluate(tapThrough, [])
    await startButton(page).isVisible()
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

const testId = (id: string) => `[data-testid="${id}"]`
const goHome: Tap = { tap: testId('nav-home'), until: homeScreen }

/** 2–4 screens of reading: sections' first pages, their next pages, and home between. */
function reading(sections: string[], next: () => number): Tap[] {
  const taps: Tap[] = []
  const screens = 2 + Math.floor(next() * 3)
  let shown = 0
  while (shown < screens) {
    const id = sections[Math.floor(next() * sections.length)] ?? sections[0]!
    taps.push({ tap: testId(`tile-${id}`), until: sectionScreen(id, 1) })
    shown += 1
    if (shown < screens && next() < 0.5) {
      taps.push({ tap: testId('page-next'), until: sectionScreen(id, 2) })
      shown += 1
    }
    if (shown < screens) taps.push(goHome)
  }
  return taps
}

function extraTaps(extra: Extra, n: number): Tap[] {
  if (extra === 'none') return []
  if (extra === 'help-check')
    return [
      goHome,
      { tap: testId('tile-get-help'), until: testId('start-help-check') },
      { tap: testId('start-help-check'), until: testId('help-check-start') },
      { tap: testId('help-check-start'), until: testId('help-check-question') },
      { tap: testId('help-check-no') },
    ]
  if (extra === 'stretch-timer')
    return [
      goHome,
      { tap: testId('tile-stretches'), until: '[data-testid^="stretch-tile-"]' },
      { tap: '[data-testid^="stretch-tile-"]', until: testId('stretch-action') },
      { tap: testId('stretch-action') },
    ]
  return [
    goHome,
    { tap: testId('tile-sheets'), until: '.sheet-card button[data-testid^="print-"]' },
    {
      tap: '.sheet-card button[data-testid^="print-"]',
      index: n,
      until: testId('print-confirm-yes'),
    },
  ]
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
      census: Awaited<ReturnType<typeof heapCensus>>
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
      const taps = [
        { tap: testId('touch-to-start'), until: homeScreen },
        ...reading(sections, next),
        ...extraTaps(extra, n),
      ]
      await visit(page, taps, n)
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
        baseline = { heap: last, dom, census: await heapCensus(cdp), at: Date.now() }
      } else if (baseline) {
        resetsChecked += 1
        let counters = await domCounters(cdp)
        if (!sameCounters(counters, baseline.dom)) {
          resetsNeedingGc += 1
          await cdp.send('HeapProfiler.collectGarbage')
          counters = await domCounters(cdp)
        }
        if (!sameCounters(counters, baseline.dom)) {
          // The baseline was read after heapAfterGc's two collections (Blink's DOM is freed
          // only once V8 has let go of its wrappers), so a difference is judged the same way.
          await settled()
          await heapAfterGc(cdp)
          counters = await domCounters(cdp)
        }
        const previous = mismatches.at(-1)
        if (previous?.visit === n - 1)
          previous.backAtNextReset = sameCounters(counters, baseline.dom)
        if (!sameCounters(counters, baseline.dom)) {
          mismatchCount += 1
          if (mismatches.length < 10)
            mismatches.push({ visit: n, counters, ...(await whereNow(page)) })
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
      topGrowth: heapGrowth(baseline.census.kinds, final.kinds),
      codeGrowthByScript: heapGrowth(baseline.census.codeByScript, final.codeByScript),
      seconds,
      visitsPerSecond: round((visits - baselineVisit) / ((Date.now() - baseline.at) / 1000), 2),
    }
  } finally {
    await close()
  }
}
