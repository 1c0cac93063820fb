import type { Page } from '@playwright/test'
import { homeSectionIds } from './kiosk'
import type { BenchWindow } from './probes'

export type TapKind = 'start' | 'tile' | 'next' | 'home' | 'floor-button'

export interface Tap {
  kind: TapKind
  /** performance.now() in the page just before the tap was sent. */
  sentAt: number
}

/** The taps of one run, and how many elements the screen each kind of tap led to held. */
interface TapRun {
  taps: Tap[]
  elements: Partial<Record<TapKind, number>>
}

const homeScreen = '[data-testid^="tile-"]'
const testId = (id: string) => `[data-testid="${id}"]`
const sectionScreen = (id: string, n: number) => `[data-section="${id}"] [data-page="${n}"]`

/**
 * One touchscreen tap on `target`, then waiting for `then`, the screen it leads to (both CSS
 * selectors). With `expectChange`, the page notes when that screen arrived (screenChangeProbe).
 */
async function tap(
  page: Page,
  run: TapRun,
  kind: TapKind,
  target: string,
  then: string,
  expectChange = true,
) {
  const sentAt = await page.evaluate(
    ({ selector, index }) => {
      ;(window as BenchWindow).__benchExpect = selector ? { selector, tap: index } : undefined
      return performance.now()
    },
    { selector: expectChange ? then : null, index: run.taps.length },
  )
  run.taps.push({ kind, sentAt })
  await page.locator(target).first().tap()
  await page.locator(then).first().waitFor()
  run.elements[kind] ??= await page.evaluate(() => document.getElementsByTagName('*').length)
}

/** Taps on, from where it left off, until its run holds `total` taps. */
export interface Tapper {
  run: TapRun
  tapUntil: (total: number) => Promise<void>
}

/**
 * From the start screen: home, then round the sections (tile, "Next" up to twice, Home);
 * a lap is always finished, so a run can end a few taps past its total.
 */
export function appTapper(page: Page): Tapper {
  const run: TapRun = { taps: [], elements: {} }
  const next = page.getByTestId('page-next')
  let sections: string[] = []
  let lap = 0
  return {
    run,
    tapUntil: async (total) => {
      if (run.taps.length === 0) {
        await tap(page, run, 'start', testId('touch-to-start'), homeScreen)
        sections = await homeSectionIds(page)
      }
      for (; run.taps.length < total; lap += 1) {
        const id = sections[lap % sections.length] ?? ''
        await tap(page, run, 'tile', testId(`tile-${id}`), sectionScreen(id, 1))
        for (let n = 2; n <= 3 && (await next.count()) > 0 && (await next.isEnabled()); n += 1) {
          await tap(page, run, 'next', testId('page-next'), sectionScreen(id, n))
        }
        await tap(page, run, 'home', testId('nav-home'), homeScreen)
      }
    },
  }
}

/** The floor has no screens to change: its taps press its two static language buttons. */
export function floorTapper(page: Page): Tapper {
  const run: TapRun = { taps: [], elements: {} }
  const buttons = ['button[lang="en"]', 'button[lang="es"]']
  return {
    run,
    tapUntil: async (total) => {
      while (run.taps.length < total) {
        const button = buttons[run.taps.length % buttons.length] ?? 'button'
        await tap(page, run, 'floor-button', button, button, false)
      }
    },
  }
}
