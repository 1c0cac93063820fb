import type { Browser, CDPSession, Page } from '@playwright/test'
import { defaultSettings } from '../../electron/shared/settings-defaults'
import { openPage, pageFunction } from './browser'
import { homeScreen, sectionScreen, startButton } from './kiosk'
import { round } from './stats'

/** Timer callbacks the page has run, by kind, counted by wakeUpProbe. */
interface WakeUps {
  setTimeout: number
  setInterval: number
  requestAnimationFrame: number
}

interface IdleWindow extends Window {
  __benchWakeUps?: WakeUps
}

/**
 * Init script: counts every timer callback the page runs (setTimeout, setInterval and
 * requestAnimationFrame), each one a wake-up of the page's main thread.
 */
const wakeUpProbe = pageFunction((): void => {
  const w = window as unknown as IdleWindow
  const counts = { setTimeout: 0, setInterval: 0, requestAnimationFrame: 0 }
  w.__benchWakeUps = counts
  const timers = window as unknown as Record<keyof WakeUps, (...args: unknown[]) => number>
  for (const kind of ['setTimeout', 'setInterval', 'requestAnimationFrame'] as const) {
    const original = timers[kind].bind(window)
    timers[kind] = (handler: unknown, ...rest: unknown[]) =>
      original(
        typeof handler === 'function'
          ? (...args: unknown[]) => {
              counts[kind] += 1
              return (handler as (...a: unknown[]) => unknown)(...args)
            }
          : handler,
        ...rest,
      )
  }
})

interface IdleSide {
  /** Wall time the page was left alone, s. */
  seconds: number
  /** Main-thread busy time over it (CDP Performance.getMetrics TaskDuration), ms. */
  busyMs: number
  /** busyMs as a share of one core over the time: target ≤ 0.5 %. */
  busyPercentOfCore: number
  wakeUps: WakeUps
  wakeUpsPerMinute: number
}

export interface IdleResult {
  /** The start screen left alone for the configured minutes. */
  startScreen: IdleSide
  /** The floor (its static start screen, no script) over the same time, side by side. */
  floor: IdleSide
  /** A section's page left open mid-visit until the walk-away reset brought the start back. */
  midVisit: IdleSide & { resetSeen: boolean }
  /** App's busy share ÷ the floor's, for the start screen. */
  startScreenRatio: number | null
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN
}

interface Watch {
  page: Page
  cdp: CDPSession
  close: () => Promise<void>
  start: () => Promise<void>
  stop: () => Promise<IdleSide>
}

async function watch(browser: Browser, url: string, prepare: (page: Page) => Promise<void>) {
  const { context, page, close } = await openPage(browser, { touch: true })
  await page.addInitScript(wakeUpProbe)
  await page.goto(url)
  await prepare(page)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  let startedAt = 0
  let startTask = 0
  let startCounts: WakeUps = { setTimeout: 0, setInterval: 0, requestAnimationFrame: 0 }
  const counts = () =>
    page.evaluate(() => ({ ...(window as unknown as IdleWindow).__benchWakeUps! }))
  const w: Watch = {
    page,
    cdp,
    close,
    start: async () => {
      startCounts = await counts()
      startTask = await taskSeconds(cdp)
      startedAt = Date.now()
    },
    stop: async () => {
      const seconds = (Date.now() - startedAt) / 1000
      const busyMs = ((await taskSeconds(cdp)) - startTask) * 1000
      const now = await counts()
      const wakeUps = {
        setTimeout: now.setTimeout - startCounts.setTimeout,
        setInterval: now.setInterval - startCounts.setInterval,
        requestAnimationFrame: now.requestAnimationFrame - startCounts.requestAnimationFrame,
      }
      const total = wakeUps.setTimeout + wakeUps.setInterval + wakeUps.requestAnimationFrame
      return {
        seconds: round(seconds),
        busyMs: round(busyMs),
        busyPercentOfCore: round((busyMs / (seconds * 1000)) * 100, 3),
        wakeUps,
        wakeUpsPerMinute: round(total / (seconds / 60), 2),
      }
    },
  }
  return w
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** From the last tap, the warning and then the reset come; a few seconds more to be sure. */
const untilResetMs =
  (defaultSettings.idleTimeoutSeconds + defaultSettings.idleWarningSeconds + 5) * 1000

/**
 * An idle kiosk, in real time (CPU time needs the real clock): the start screen and the floor
 * side by side for `minutes`, and, at the same time, a section's page left open mid-visit
 * until the walk-away reset. Nothing touches the pages while they are watched: the bench reads
 * CDP's TaskDuration (main-thread task time) and the wake-up counts only at the ends.
 */
export async function measureIdle(
  browser: Browser,
  urls: { app: string; floor: string },
  section: string,
  minutes: number,
): Promise<IdleResult> {
  const start = await watch(browser, urls.app, async (page) => {
    await startButton(page).waitFor()
    await page.waitForLoadState('networkidle')
  })
  const floor = await watch(browser, urls.floor, (page) => startButton(page).waitFor())
  const visit = await watch(browser, urls.app, async (page) => {
    await startButton(page).tap()
    await page.getByTestId(`tile-${section}`).tap()
    await page.locator(sectionScreen(section, 1)).waitFor()
    await page.waitForLoadState('networkidle')
  })
  try {
    await Promise.all([start.start(), floor.start(), visit.start()])
    await pause(untilResetMs)
    const midVisit = await visit.stop()
    const resetSeen =
      (await startButton(visit.page).isVisible()) &&
      (await visit.page.locator(homeScreen).count()) === 0
    await pause(Math.max(0, minutes * 60_000 - untilResetMs))
    const [startScreen, floorSide] = await Promise.all([start.stop(), floor.stop()])
    return {
      startScreen,
      floor: floorSide,
      midVisit: { ...midVisit, resetSeen },
      startScreenRatio:
        floorSide.busyPercentOfCore > 0
          ? round(startScreen.busyPercentOfCore / floorSide.busyPercentOfCore, 2)
          : null,
    }
  } finally {
    await Promise.all([start.close(), floor.close(), visit.close()])
  }
}
