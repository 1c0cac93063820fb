import type { Page } from '@playwright/test'
import { homeScreen, sectionScreen } from './kiosk'
import type { BenchWindow } from './probes'

export type TapKind = 'tile' | 'home'

export interface Tap {
  kind: TapKind
  /** performance.now() in the page just before the tap was sent. */
  sentAt: number
}

/** The taps of one run, and how many elements the screen each kind of tap led to held. */
export interface TapRun {
  taps: Tap[]
  elements: Partial<Record<TapKind, number>>
}

const testId = (id: string) => `[data-testid="${id}"]`

/**
 * One touchscreen tap on `target`, then waiting for `then`, the screen it leads to (both CSS
 * selectors). The page notes when that screen arrived (screenChangeProbe).
 */
async function tap(page: Page, run: TapRun, kind: TapKind, target: string, then: string) {
  const sentAt = await page.evaluate(
    ({ selector, index }) => {
      ;(window as BenchWindow).__benchExpect = { selector, tap: index }
      return performance.now()
    },
    { selector: then, index: run.taps.length },
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
 * Between the home screen and a section's first page, and back: a tile, then Home. The app
 * and the tap floor (floor-pages.ts, which holds those two screens) are tapped alike. It
 * stops on the home screen, so a run can end one tap past its total.
 */
export function swapTapper(page: Page, section: string): Tapper {
  const run: TapRun = { taps: [], elements: {} }
  return {
    run,
    tapUntil: async (total) => {
      while (run.taps.length < total) {
        await tap(page, run, 'tile', testId(`tile-${section}`), sectionScreen(section, 1))
        await tap(page, run, 'home', testId('nav-home'), homeScreen)
      }
    },
  }
}
