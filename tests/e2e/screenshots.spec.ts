import { expect, test } from './fixtures'
import { goTo, startVisit } from './screens'
import { kioskRunning } from './kiosk-running'

// The README shows these, so clinic staff can see the kiosk before installing it.
for (const [orientation, viewport] of Object.entries({
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
})) {
  test(`writes README screenshots of start, home and a section (${orientation})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto('/')
    await kioskRunning(page)
    await page.screenshot({ path: `docs/screenshots/start-${orientation}.png` })
    await startVisit(page, { locale: 'en' })
    await expect(page.locator('html')).toHaveAttribute('data-orientation', orientation)
    await page.screenshot({ path: `docs/screenshots/home-${orientation}.png` })
    await goTo(page, '#/section/get-help')
    await expect(page.locator('.tone-emergency')).toBeVisible()
    await page.screenshot({ path: `docs/screenshots/section-${orientation}.png` })
  })
}
