import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { collectPageErrors } from './page-errors'
import { axeCollector, signInByTouch, staffLocales, words } from './staff-touch'

const orientations = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
}

/** The page itself never scrolls: a long screen scrolls inside its own region, under the bar. */
async function expectFits(page: Page, name: string): Promise<void> {
  const sizes = await page.evaluate(() => ({
    page: document.documentElement.scrollHeight,
    wide: document.documentElement.scrollWidth,
    height: window.innerHeight,
    width: window.innerWidth,
  }))
  expect(sizes.page, `${name} scrolls as a page`).toBeLessThanOrEqual(sizes.height)
  expect(sizes.wide, `${name} scrolls sideways`).toBeLessThanOrEqual(sizes.width)
  const bar = await page.locator('.staff-bar').boundingBox()
  expect(bar?.y, `${name}: the bar is at the top`).toBe(0)
}

for (const locale of staffLocales) {
  const w = words(locale)
  for (const [orientation, viewport] of Object.entries(orientations)) {
    test.describe(`staff in ${locale}, ${orientation}`, () => {
      test.use({ hasTouch: true, viewport, kioskSetup: { settings: { staffLocale: locale } } })

      test(`point 10: every staff screen fits the screen with its bar fixed, has no axe violations, and disabled buttons keep their size and words (${locale}, ${orientation})`, async ({
        page,
      }) => {
        test.setTimeout(120_000)
        const errors = collectPageErrors(page)
        const axe = axeCollector(page)
        await page.goto('/#/admin')
        await expect(page.getByTestId('pin-sign-in')).toBeVisible()
        await axe.check('PIN pad')
        await signInByTouch(page)
        await expectFits(page, 'menu')
        await axe.check('menu')

        for (const screen of ['settings', 'content', 'history', 'usage', 'backup', 'fleet']) {
          await page.getByTestId('staff-menu').tap()
          await page.getByTestId(`staff-${screen}`).tap()
          await expect(page.locator('.kiosk-main h1')).toBeVisible()
          await expectFits(page, screen)
          await axe.check(screen)
        }

        // A long form scrolls inside its region; the bar and Save stay on screen.
        await page.getByTestId('staff-menu').tap()
        await page.getByTestId('staff-settings').tap()
        await page.locator('.kiosk-main').evaluate((main) => main.scrollTo(0, main.scrollHeight))
        await expect(page.getByTestId('settings-save')).toBeInViewport()
        await expect(page.locator('.staff-bar')).toBeInViewport()
        await page.locator('.kiosk-main').evaluate((main) => main.scrollTo(0, 0))
        await expect(page.getByTestId('settings-save')).toBeInViewport()
        await expectFits(page, 'settings, scrolled')

        await page.getByTestId('staff-menu').tap()
        await page.getByTestId('staff-content').tap()
        const disabled = page.getByTestId('content-down-get-help')
        const enabled = page.getByTestId('content-down-what-is')
        await expect(disabled).toBeDisabled()
        await expect(enabled).toBeEnabled()
        const [a, b] = await Promise.all([disabled.boundingBox(), enabled.boundingBox()])
        expect(a?.width).toBe(b?.width)
        expect(a?.height).toBe(b?.height)
        await expect(disabled).toHaveText('↓')
        await expect(disabled).toHaveAccessibleName(
          w('staff.content.down', {
            title: locale === 'es' ? 'Cuándo pedir ayuda' : 'When to get help',
          }),
        )
        const style = await disabled.evaluate((el) => getComputedStyle(el).opacity)
        expect(style).toBe('1')

        await page.getByTestId('content-edit-what-is').tap()
        await expectFits(page, 'editor')
        await axe.check('editor')
        expect(axe.violations()).toEqual([])
        expect(errors).toEqual([])
      })
    })
  }
}
