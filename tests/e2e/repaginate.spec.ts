import { expect, test } from './fixtures'
import { goTo, startVisit } from './screens'

/**
 * Pages are made for the room the screen has: a larger text size or turning the screen makes
 * them again, and the block the visitor was reading stays on screen.
 */
test('a new text size or orientation re-splits a topic and keeps the block being read', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await startVisit(page, { locale: 'en' })
  await goTo(page, '#/section/treatment')
  const progress = page.getByTestId('page-progress')
  await expect(progress).toHaveText(/^Page 1 of \d+$/)
  const pagesAtNormal = Number((await progress.textContent())!.match(/of (\d+)/)![1])
  await page.getByTestId('page-next').click()
  await page.getByTestId('page-next').click()
  await expect(progress).toHaveText(`Page 3 of ${pagesAtNormal}`)
  const reading = (await page.locator('.document-page .page-unit').first().textContent())!
  const block = page.locator('.document-page .page-unit').filter({ hasText: reading.slice(0, 60) })

  await page.getByTestId('text-size-larger').click()
  await expect(progress).not.toHaveText(`Page 3 of ${pagesAtNormal}`)
  const pagesAtLargest = Number((await progress.textContent())!.match(/of (\d+)/)![1])
  expect(pagesAtLargest).toBeGreaterThan(pagesAtNormal)
  await expect(block).toBeInViewport()

  await page.setViewportSize({ width: 1080, height: 1920 })
  await expect(page.locator('html')).toHaveAttribute('data-orientation', 'portrait')
  await expect(progress).not.toHaveText(`Page 1 of ${pagesAtLargest}`)
  await expect(block).toBeInViewport()
})
