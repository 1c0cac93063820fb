import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { collectPageErrors } from './page-errors'

/** Stops the page's clock where it is, so from here on time moves only with runFor. */
async function freezeClock(page: Page): Promise<void> {
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000))
}

test('a visitor follows a guided stretch: hold, rest, repeat, well done, next stretch', async ({
  page,
}) => {
  test.setTimeout(60_000)
  const errors = collectPageErrors(page)
  await page.clock.install()
  await page.goto('/')
  await freezeClock(page)
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-stretches').click()

  await expect(page.getByRole('heading', { level: 1, name: 'Gentle stretches' })).toBeVisible()
  await expect(page.getByTestId('stretches-warning')).toContainText('Stop if it hurts more')
  await page.getByTestId('stretch-tile-knee-to-chest').click()

  await expect(page.getByRole('heading', { level: 1, name: 'Knee to chest' })).toBeVisible()
  await expect(page.getByTestId('stretch-warning')).toContainText('Stop if it hurts more')
  await expect(page.getByRole('img', { name: /hugs one knee to their chest/ })).toBeVisible()
  const timer = page.getByRole('timer', { name: 'Time left' })
  const seconds = timer.locator('.timer-digits')
  const repetition = page.getByTestId('stretch-repetition')
  const status = page.getByTestId('stretch-status')
  const action = page.getByTestId('stretch-action')
  await expect(seconds).toHaveText('20')
  await expect(repetition).toHaveText('Repetition 1 of 3')

  await action.click()
  await expect(action).toHaveText('Pause')
  await expect(status).toHaveText('Hold the stretch for 20 seconds.')
  await page.clock.runFor(5000)
  await expect(seconds).toHaveText('15')

  await action.click()
  await expect(action).toHaveText('Resume')
  await page.clock.runFor(10_000)
  await expect(seconds).toHaveText('15')
  await action.click()
  await page.clock.runFor(14_000)
  await expect(seconds).toHaveText('1')

  await page.clock.runFor(1000)
  await expect(status).toContainText('Time is up')
  await expect(repetition).toHaveText('Repetition 2 of 3')
  await expect(seconds).toHaveText('20')
  await expect(action).toHaveText('Start')

  await action.click()
  await page.clock.runFor(20_000)
  await expect(repetition).toHaveText('Repetition 3 of 3')
  await expect(status).toContainText('Rest, then touch Start for repetition 3')
  await action.click()
  await page.clock.runFor(20_000)
  await expect(seconds).toHaveText('0')
  await expect(status).toHaveText('Well done! You finished this stretch.')
  await expect(action).toHaveText('Do it again')

  await page.getByRole('link', { name: 'Next stretch' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Cat and cow' })).toBeVisible()
  await expect(repetition).toHaveText('Repetition 1 of 3')
  await expect(seconds).toHaveText('20')
  await expect(action).toHaveText('Start')

  await page.getByRole('link', { name: 'All stretches' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Gentle stretches' })).toBeVisible()
  expect(errors).toEqual([])
})
