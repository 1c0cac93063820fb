import type { Browser, Page } from '@playwright/test'
import { openPage } from './browser'
import {
  profileMainThread,
  type MainThreadProfile,
  type ModuleResolver,
} from './profile-main-thread'
import { startButton } from './kiosk'
import { afterNextPaints, eventTimingProbe, screenChangeProbe, type BenchWindow } from './probes'
import { ratio } from './stats'
import { appTapper, floorTapper, type TapKind, type Tapper } from './tap-drivers'
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

export interface TapResult {
  app: TapSummary
  floor: TapSummary
  p95Ratio: number | null
  appByKind: Partial<Record<TapKind, TapSummary>>
  /**
   * Pointerdown to the start of the frame after the new screen entered the DOM (app only),
   * and in how many taps the Event Timing entry's paint came after it (covered the change).
   */
  appScreenChange: ScreenChangeSummary | null
  /** Mean split of the slowest 5 % of app taps: where their time went. */
  appSlowestSplit: SlowestSplit | null
  /** Elements in the document on each kind of screen a tap leads to (app), or on the floor. */
  elementsOnScreen: Partial<Record<TapKind, number>>
  /** Main-thread work during 40 more app taps, traced apart from the timed ones. */
  appProfile: MainThreadProfile | null
}

interface TapSide {
  page: Page
  tapper: Tapper
  close: () => Promise<void>
}

async function openSide(browser: Browser, url: string, tapperFor: (page: Page) => Tapper) {
  const { page, close } = await openPage(browser, { touch: true })
  await page.addInitScript(eventTimingProbe)
  await page.addInitScript(screenChangeProbe)
  await page.goto(url)
  return { page, tapper: tapperFor(page), close }
}

async function collect(side: TapSide): Promise<TapLatency[]> {
  await side.page.evaluate(afterNextPaints)
  const { events, screens } = await side.page.evaluate(() => ({
    events: (window as BenchWindow).__benchEvents ?? [],
    screens: (window as BenchWindow).__benchScreens ?? [],
  }))
  return latencies(side.tapper.run.taps, events, screens)
}

async function profiledTaps(browser: Browser, url: string, resolve: ModuleResolver) {
  const { page, close } = await openPage(browser, { touch: true })
  try {
    await page.goto(url)
    await startButton(page).waitFor()
    return await profileMainThread(browser, new URL(url).origin, resolve, async () => {
      await appTapper(page).tapUntil(40)
    })
  } finally {
    await close()
  }
}

/**
 * Tap latency by the Event Timing API: for each tap (a touchscreen tap, as on the kiosk), the
 * longest of its pointerdown/pointerup/click entries: input delay + handlers + next paint.
 */
export async function measureTaps(
  browser: Browser,
  urls: { app: string; floor: string },
  resolve: ModuleResolver,
  count = 240,
  blocks = 4,
): Promise<TapResult> {
  // App and floor take turns, a block at a time, so both meet the same load on the machine.
  const appSide = await openSide(browser, urls.app, appTapper)
  const floorSide = await openSide(browser, urls.floor, floorTapper)
  let app: TapLatency[]
  let floor: TapLatency[]
  try {
    for (let block = 1; block <= blocks; block += 1) {
      const total = Math.ceil((count * block) / blocks)
      await appSide.tapper.tapUntil(total)
      await floorSide.tapper.tapUntil(total)
    }
    app = await collect(appSide)
    floor = await collect(floorSide)
  } finally {
    await appSide.close()
    await floorSide.close()
  }
  const appProfile = await profiledTaps(browser, urls.app, resolve).catch(() => null)
  const appSummary = summarise(app)
  const floorSummary = summarise(floor)
  const appByKind: TapResult['appByKind'] = {}
  for (const kind of ['start', 'tile', 'next', 'home'] as const) {
    const ofKind = app.filter((t) => t.kind === kind)
    if (ofKind.length) appByKind[kind] = summarise(ofKind)
  }
  return {
    app: appSummary,
    floor: floorSummary,
    p95Ratio: ratio(appSummary.p95Ms, floorSummary.p95Ms),
    appByKind,
    appScreenChange: screenChange(app),
    appSlowestSplit: slowestSplit(app),
    elementsOnScreen: { ...appSide.tapper.run.elements, ...floorSide.tapper.run.elements },
    appProfile,
  }
}
