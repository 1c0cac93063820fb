import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures'
import { appLoadsAfterMs, kioskRunning } from './kiosk-running'
import { collectPageErrors } from './page-errors'

/** Holds back the app's code (the boot chunk) until `release` is called. */
async function holdAppCode(page: Page): Promise<{ release: () => Promise<void> }> {
  const held: Route[] = []
  let released = false
  await page.route(/\/assets\/boot-[\w-]+\.js$/, async (route) => {
    if (released) await route.continue()
    else held.push(route)
  })
  return {
    release: async () => {
      released = true
      await Promise.all(held.map((route) => route.continue()))
    },
  }
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('index.html itself shows the start screen, before any script runs', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('touch-to-start')).toContainText('Touch to start')
    await expect(page.getByTestId('touch-to-start')).toContainText('Back spasms')
    await expect(page.getByRole('button', { name: 'Español' })).toBeVisible()
    await expect(page.getByTestId('disclaimer')).toContainText('not a diagnosis')
  })
})

test('taps made while the app is still loading are kept: Spanish, then Touch to start', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const appCode = await holdAppCode(page)
  await page.goto('/')
  await page.getByRole('button', { name: 'Español' }).click()
  await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await page.getByTestId('touch-to-start').click()
  await expect(page.locator('#app[data-v-app]')).toHaveCount(0)

  await appCode.release()
  await expect(page.getByRole('heading', { level: 1, name: 'Elija un tema' })).toBeVisible()
  expect(errors).toEqual([])
})

test('the app takes over the pre-rendered screen without changing it', async ({ page }) => {
  const appCode = await holdAppCode(page)
  await page.goto('/')
  const before = await page.locator('#app').innerText()
  await appCode.release()
  await kioskRunning(page)
  expect(await page.locator('#app').innerText()).toBe(before)
})

test('opened at another screen, the page does not flash the start screen', async ({ page }) => {
  const appCode = await holdAppCode(page)
  await page.goto('/#/home')
  await expect(page.locator('#app')).toBeEmpty()
  await appCode.release()
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a topic' })).toBeVisible()
})

test("the start screen needs only its own small script; the app loads after it settles, and staff mode's parts only with staff mode", async ({
  page,
}) => {
  const fetched: string[] = []
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname))
  const appCode = /\/assets\/boot-[\w-]+\.js$/
  const staffParts =
    /\/assets\/(staff|setup|fleet|problems|OnScreenKeyboard|StaffBar|StaffConfirm)-[\w-]+\.js$/
  await page.clock.install()
  await page.goto('/')
  await page.waitForLoadState('networkidle')
  expect(fetched.filter((path) => path.endsWith('.js'))).toHaveLength(1)

  await page.clock.runFor(appLoadsAfterMs)
  await kioskRunning(page)
  expect(fetched.some((path) => appCode.test(path))).toBe(true)
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-get-help').click()
  await expect(page.locator('[data-section="get-help"]')).toBeVisible()
  expect(fetched.filter((path) => staffParts.test(path))).toEqual([])

  await page.goto('/#/admin')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter the staff PIN')
  expect(fetched.some((path) => staffParts.test(path))).toBe(true)
})
