import type { Browser, Page } from '@playwright/test'
import { openPage } from './browser'
import { tapFloorPath, textSizes, type TextSize } from './floor-pages'
import {
  profileMainThread,
  type MainThreadProfile,
  type ModuleResolver,
} from './profile-main-thread'
import { homeScreen, startButton } from './kiosk'
import { afterNextPaints, eventTimingProbe, screenChangeProbe, type BenchWindow } from './probes'
import { ratio, round } from './stats'
import { swapTapper, type TapRun } from './tap-drivers'
import {
  latencies,
  screenChange,
  slowestSplit,
  summarise,
  type ScreenChangeSummary,
  type SlowestSplit,
  type TapLatency,
  type TapSummary,
} from './tap-latency'

interface SideAtSize {
  summary: TapSummary
  /** Mean split of the slowest 5 % of taps: input delay, processing, presentation. */
  slowestSplit: SlowestSplit | null
  /** Pointerdown to the frame after the new screen entered the DOM. */
  screenChange: ScreenChangeSummary | null
  /** Elements in the document on the home screen and on the section's page. */
  elements: TapRun['elements']
}

interface TapsAtSize {
  textSize: TextSize
  app: SideAtSize
  floor: SideAtSize
  /** App p95 ÷ floor p95: target ≤ 1.25. */
  p95Ratio: number | null
  /** App p50 − floor p50, ms: target ≤ 8 (one Event Timing step). */
  p50DiffMs: number
}

export interface TapResult {
  /** The section whose first page the taps swap with the home screen. */
  section: string
  tapsPerSizePerSide: number
  blocksPerSize: number
  bySize: TapsAtSize[]
  /** The worst size's figures, which the targets are judged on. */
  worstP95Ratio: number | null
  worstP50DiffMs: number
  /** Main-thread work during 40 more app taps, traced apart from the timed ones. */
  appProfile: MainThreadProfile | null
}

interface TapSide {
  page: Page
  close: () => Promise<void>
}

async function openSide(browser: Browser, url: string): Promise<TapSide> {
  const { page, close } = await openPage(browser, { touch: true })
  await page.addInitScript(eventTimingProbe)
  await page.addInitScript(screenChangeProbe)
  await page.goto(url)
  return { page, close }
}

/** The taps' latencies, and the page's records cleared for the next text size. */
async function collect(page: Page, run: TapRun): Promise<TapLatency[]> {
  await page.evaluate(afterNextPaints)
  const { events, screens } = await page.evaluate(() => {
    const w = window as BenchWindow
    const taken = { events: [...(w.__benchEvents ?? [])], screens: [...(w.__benchScreens ?? [])] }
    w.__benchEvents?.splice(0)
    w.__benchScreens?.splice(0)
    return taken
  })
  return latencies(run.taps, events, screens)
}

const side = (taps: TapLatency[], run: TapRun): SideAtSize => ({
  summary: summarise(taps),
  slowestSplit: slowestSplit(taps),
  screenChange: screenChange(taps),
  elements: run.elements,
})

async function setAppTextSize(page: Page, size: TextSize): Promise<void> {
  await page.getByTestId(`text-size-${size}`).tap()
  await page.waitForFunction((s) => document.documentElement.dataset['textSize'] === s, size)
}

async function profiledTaps(
  browser: Browser,
  url: string,
  section: string,
  resolve: ModuleResolver,
) {
  const { page, close } = await openPage(browser, { touch: true })
  try {
    await page.goto(url)
    await startButton(page).tap()
    await page.locator(homeScreen).first().waitFor()
    return await profileMainThread(browser, new URL(url).origin, resolve, async () => {
      await swapTapper(page, section).tapUntil(40)
    })
  } finally {
    await close()
  }
}

/**
 * Tap to next paint by the Event Timing API (a touchscreen tap, as on the kiosk; each tap's
 * figure is the longest of its pointerdown/pointerup/click entries), for the app and for its
 * tap floor, at each text size. Both swap the home screen and a section's first page; at each
 * size they take turns, a block of taps at a time, so both meet the same load on the machine.
 */
export async function measureTaps(
  browser: Browser,
  urls: { app: string; floor: string },
  section: string,
  resolve: ModuleResolver,
  perSize = 120,
  blocks = 4,
): Promise<TapResult> {
  const app = await openSide(browser, urls.app)
  const floor = await openSide(browser, new URL(tapFloorPath('normal'), urls.floor).href)
  const bySize: TapsAtSize[] = []
  try {
    await startButton(app.page).tap()
    await app.page.locator(homeScreen).first().waitFor()
    for (const size of textSizes) {
      await setAppTextSize(app.page, size)
      await floor.page.goto(new URL(tapFloorPath(size), urls.floor).href)
      await floor.page.locator(homeScreen).first().waitFor()
      const appTapper = swapTapper(app.page, section)
      const floorTapper = swapTapper(floor.page, section)
      for (let block = 1; block <= blocks; block += 1) {
        const total = Math.ceil((perSize * block) / blocks)
        await appTapper.tapUntil(total)
        await floorTapper.tapUntil(total)
      }
      const appSide = side(await collect(app.page, appTapper.run), appTapper.run)
      const floorSide = side(await collect(floor.page, floorTapper.run), floorTapper.run)
      bySize.push({
        textSize: size,
        app: appSide,
        floor: floorSide,
        p95Ratio: ratio(appSide.summary.p95Ms, floorSide.summary.p95Ms),
        p50DiffMs: round(appSide.summary.p50Ms - floorSide.summary.p50Ms),
      })
    }
  } finally {
    await app.close()
    await floor.close()
  }
  const ratios = bySize.map((s) => s.p95Ratio).filter((r): r is number => r !== null)
  return {
    section,
    tapsPerSizePerSide: perSize,
    blocksPerSize: blocks,
    bySize,
    worstP95Ratio: ratios.length === bySize.length ? Math.max(...ratios) : null,
    worstP50DiffMs: Math.max(...bySize.map((s) => s.p50DiffMs)),
    appProfile: await profiledTaps(browser, urls.app, section, resolve).catch(() => null),
  }
}
