import { expect, type Page } from '@playwright/test'

export type Locale = 'en' | 'es'

export interface ScreenVisit {
  /** A readable name for failure messages, e.g. "section what-is page 2". */
  name: string
}

/** Moves within the running app (no reload), so the visitor's language and contrast stay. */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target
  }, hash)
  await page.waitForFunction((target) => window.location.hash === target, hash)
  await expect(page.locator('main h1').first()).toBeVisible()
}

/** Opens the kiosk and chooses a language and contrast the way a visitor would. */
export async function startVisit(page: Page, options: { locale: Locale; highContrast?: boolean }) {
  await page.goto('/')
  if (options.locale === 'es') await page.getByRole('button', { name: 'Español' }).click()
  await page.getByTestId('touch-to-start').click()
  await expect(page.locator('main h1')).toBeVisible()
  if (options.highContrast) {
    await page.getByTestId('nav-contrast').click()
    await expect(page.locator('html')).toHaveClass(/high-contrast/)
  }
}

async function pageCount(page: Page): Promise<number> {
  const progress = page.getByTestId('page-progress')
  const text = await progress.textContent()
  return Number(text?.match(/(\d+)\D*$/)?.[1] ?? 1)
}

/**
 * Visits every screen reachable from home and calls `check` on each: the start screen,
 * home, every page of every section, about, sheets, stretches and each guided stretch, and
 * the help check's intro, first question and each outcome.
 */
export async function visitEveryScreen(
  page: Page,
  check: (screen: ScreenVisit) => Promise<void>,
): Promise<string[]> {
  const seen: string[] = []
  const visit = async (name: string) => {
    seen.push(name)
    await check({ name })
  }

  await goTo(page, '#/home')
  await visit('home')
  const sectionIds = await page
    .locator('[data-testid^="tile-"]')
    .evaluateAll((tiles) =>
      tiles
        .map((tile) => tile.getAttribute('data-testid')?.replace('tile-', '') ?? '')
        .filter((id) => !['sheets', 'stretches', 'about'].includes(id)),
    )
  for (const id of sectionIds) {
    await goTo(page, `#/section/${id}`)
    const pages = await pageCount(page)
    for (let n = 1; n <= pages; n += 1) {
      if (n > 1) await goTo(page, `#/section/${id}?page=${n}`)
      await visit(`section ${id} page ${n}`)
    }
  }
  for (const screen of ['about', 'sheets', 'stretches']) {
    await goTo(page, `#/${screen}`)
    await visit(screen)
    if (screen === 'sheets') {
      await page.locator('button[data-testid^="print-"]').first().click()
      await expect(page.getByTestId('print-confirm')).toBeVisible()
      await visit('sheets print confirm')
      await page.getByTestId('print-confirm-yes').click()
      await expect(page.getByTestId('print-progress')).toHaveAttribute('data-step', 'done')
      await visit('sheets print done')
      await page.getByTestId('print-finish').click()
    }
  }
  const stretchIds = await page
    .locator('[data-testid^="stretch-tile-"]')
    .evaluateAll((tiles) =>
      tiles.map((t) => t.getAttribute('data-testid')?.replace('stretch-tile-', '') ?? ''),
    )
  for (const id of stretchIds) {
    await goTo(page, `#/stretches/${id}`)
    await visit(`stretch ${id}`)
  }

  await goTo(page, '#/help-check')
  await visit('help check intro')
  await page.getByTestId('help-check-start').click()
  await visit('help check question')
  // One result of each look (emergency, warning, information) and the new "ask now" one: the
  // others are the same component with other words, and each path costs a tap per question.
  for (const outcome of ['emergency', 'ask-now', 'soon-urgent', 'home'] as const) {
    await answerUntil(page, outcome)
    await visit(`help check outcome ${outcome}`)
    await page.getByTestId('help-check-restart').click()
    const start = page.getByTestId('help-check-start')
    if (await start.isVisible()) await start.click()
  }
  return seen
}

export type HelpOutcome = 'emergency' | 'ask-now' | 'soon-urgent' | 'soon' | 'visit' | 'home'

/** One way to each result of the help check: the answers that are not "no", by question id. */
const routes: Record<HelpOutcome, Record<string, 'yes' | 'unsure'>> = {
  emergency: { 'chest-pain': 'yes' },
  'ask-now': { 'both-legs': 'unsure' },
  'soon-urgent': { fever: 'yes', 'weak-immune': 'yes' },
  soon: { cancer: 'yes' },
  visit: { 'leg-below-knee': 'yes' },
  home: {},
}

/** Answers the help check by touch, question by question, so that it ends on the given result. */
export async function answerUntil(page: Page, outcome: HelpOutcome) {
  const question = page.getByTestId('help-check-question')
  const result = page.getByTestId('help-check-outcome')
  while (!(await result.isVisible())) {
    const id = (await question.getAttribute('data-question')) ?? ''
    const answer = page.getByTestId(`help-check-${routes[outcome][id] ?? 'no'}`)
    // A new question ignores taps for a moment; waiting for it frame by frame is quicker than
    // letting click() retry on its slower schedule.
    await answer.evaluate(
      (button) =>
        new Promise<void>((resolve) => {
          const ready = () =>
            (button as HTMLButtonElement).disabled ? requestAnimationFrame(ready) : resolve()
          ready()
        }),
    )
    await answer.click()
    await page.waitForFunction((asked) => {
      const shown = document.querySelector('[data-testid="help-check-question"]')
      return shown?.getAttribute('data-question') !== asked
    }, id)
  }
  await expect(result).toHaveAttribute('data-outcome', outcome)
}
