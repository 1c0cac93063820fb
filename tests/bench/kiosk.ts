import type { Browser, Page } from '@playwright/test'
import { openPage } from './browser'

/** Home tiles that are not reading sections. */
const notSections = new Set(['sheets', 'stretches', 'about'])

/** CSS selectors of the home screen and of a section's page. */
export const homeScreen = '[data-testid^="tile-"]'
export const sectionScreen = (id: string, n: number) => `[data-section="${id}"] [data-page="${n}"]`

export const startButton = (page: Page) => page.getByTestId('touch-to-start')
const sectionPage = (page: Page, id: string, n: number) => page.locator(sectionScreen(id, n))

/** The reading sections on the home screen, in the order their tiles show. */
async function homeSectionIds(page: Page): Promise<string[]> {
  await page.locator(homeScreen).first().waitFor()
  const ids = await page
    .locator(homeScreen)
    .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-testid') ?? ''))
  return ids.map((id) => id.replace(/^tile-/, '')).filter((id) => id && !notSections.has(id))
}

/** Page count of every reading section, found by opening each once in a page of its own. */
export async function sectionPageCounts(
  browser: Browser,
  appUrl: string,
): Promise<Map<string, number>> {
  const { page, close } = await openPage(browser)
  try {
    await page.goto(appUrl)
    await startButton(page).click()
    const counts = new Map<string, number>()
    for (const id of await homeSectionIds(page)) {
      await page.evaluate((hash) => {
        window.location.hash = hash
      }, `#/section/${id}`)
      await sectionPage(page, id, 1).waitFor()
      const text = (await page.getByTestId('page-progress').textContent()) ?? ''
      counts.set(id, Number(text.match(/(\d+)\D*$/)?.[1] ?? 1))
    }
    return counts
  } finally {
    await close()
  }
}

/** Sections a visitor can page through (they have a "Next" button). */
export const multiPageSections = (counts: Map<string, number>): string[] =>
  [...counts].filter(([, pages]) => pages > 1).map(([id]) => id)
