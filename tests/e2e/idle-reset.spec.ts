import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { collectPageErrors } from './page-errors'
import { appLoadsAfterMs, kioskRunning } from './kiosk-running'

const snapshot = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { kioskStateSnapshot: () => string }).kioskStateSnapshot(),
  )

test('a visitor who walks away is warned, then the kiosk starts over with nothing of the visit', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  await page.clock.install()
  await page.goto('/')
  await page.clock.runFor(appLoadsAfterMs)
  await kioskRunning(page)
  // The app asks the host for the staff status as it starts; the answer is part of the state.
  await page.waitForLoadState('networkidle')
  const coldStart = await snapshot(page)

  // Two screens deep, in Spanish, with the largest text and high contrast.
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-get-help').click()
  await page.getByTestId('page-next').click()
  await expect(page.getByTestId('page-progress')).toHaveText(/^Page 2 of/)
  await page.getByTestId('nav-language').click()
  await page.getByTestId('text-size-larger').click()
  await page.getByTestId('nav-contrast').click()
  // Larger text makes more pages; the visitor is still at the block they were reading.
  await expect(page.getByTestId('page-progress')).toHaveText(/^Página [2-9] de/)
  await expect(page.locator('html')).toHaveClass(/high-contrast/)

  // The visitor walks away.
  await page.clock.runFor(89_000)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  await page.clock.runFor(2_000)
  const warning = page.getByRole('alertdialog', { name: '¿Sigue ahí?' })
  await expect(warning).toBeVisible()
  await expect(page.getByTestId('idle-seconds')).toHaveText(/^1[45]$/)
  await page.clock.runFor(16_000)

  await expect(page.getByTestId('touch-to-start')).toBeVisible()
  await expect(page.getByText('Touch to start')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'normal')
  await expect(page.locator('html')).not.toHaveClass(/high-contrast/)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  await expect.poll(() => snapshot(page)).toBe(coldStart)

  // Back must not reveal any screen of that visit. The router refuses and steps forward
  // again; each step is given real time to settle, since history moves asynchronously.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await page.evaluate(() => history.back())
    await page.waitForTimeout(300)
    await expect(page.getByTestId('touch-to-start')).toBeVisible()
    await expect(page.locator('[data-section]')).toHaveCount(0)
    await expect(page).toHaveURL(/#\/$/)
  }
  expect(errors).toEqual([])
})

test('a visitor who taps "I\'m still here" stays on their screen', async ({ page }) => {
  await page.clock.install()
  await page.goto('/')
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-treatment').click()
  await expect(page.locator('[data-section="treatment"]')).toBeVisible()

  await page.clock.runFor(95_000)
  await expect(page.getByRole('alertdialog', { name: 'Are you still there?' })).toBeVisible()
  await page.getByTestId('idle-still-here').click()
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  await page.clock.runFor(60_000)
  await expect(page.locator('[data-section="treatment"]')).toBeVisible()
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
})

test('the start screen never times out', async ({ page }) => {
  await page.clock.install()
  await page.goto('/')
  await page.clock.runFor(appLoadsAfterMs)
  await kioskRunning(page)
  await page.clock.runFor(30 * 60_000)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  await expect(page.getByTestId('touch-to-start')).toBeVisible()
})

test('a running stretch timer holds off the warning while it runs', async ({ page }) => {
  await page.clock.install()
  await page.goto('/')
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-stretches').click()
  await page.getByTestId('stretch-tile-knee-to-chest').click()
  await expect(page.getByTestId('stretch-timer')).toHaveText(/^20/)
  await page.getByTestId('stretch-action').click()

  // Without the pause the warning would come at 90 s; the 20 s hold moves it to 110 s.
  await page.clock.runFor(100_000)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  await page.clock.runFor(15_000)
  await expect(page.getByRole('alertdialog', { name: 'Are you still there?' })).toBeVisible()
})

test('a print confirmation left open is gone for the next visitor', async ({ page }) => {
  await page.clock.install()
  await page.goto('/')
  await page.clock.runFor(appLoadsAfterMs)
  await kioskRunning(page)
  await page.waitForLoadState('networkidle')
  const coldStart = await snapshot(page)
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-sheets').click()
  await page.getByTestId('print-stretches').click()
  await expect(page.getByRole('dialog', { name: 'Print this sheet?' })).toBeVisible()

  await page.clock.runFor(106_000)
  await expect(page.getByTestId('touch-to-start')).toBeVisible()
  await expect.poll(() => snapshot(page)).toBe(coldStart)
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-sheets').click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByTestId('print-stretches')).toBeEnabled()
})
