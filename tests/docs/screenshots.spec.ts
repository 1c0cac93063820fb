import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '../e2e/fixtures'
import { kioskRunning } from '../e2e/kiosk-running'
import { goTo, startVisit } from '../e2e/screens'

/**
 * The pictures in the README and docs/, made by `npm run docs:screenshots` from the current
 * build, never by `npm test` (which must leave the work tree as it found it).
 */
const clinic = {
  clinicName: 'Riverside Family Clinic',
  clinicPhone: '555-0100',
  clinicWebsite: 'https://riverside-clinic.example/back-care',
}

for (const [orientation, viewport] of Object.entries({
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
})) {
  test(`start, home and a topic (${orientation})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto('/')
    await kioskRunning(page)
    await page.screenshot({ path: `docs/screenshots/start-${orientation}.png` })
    await startVisit(page, { locale: 'en' })
    await expect(page.locator('html')).toHaveAttribute('data-orientation', orientation)
    await page.screenshot({ path: `docs/screenshots/home-${orientation}.png` })
    await goTo(page, '#/section/get-help')
    await expect(page.locator('.document-page .tone-emergency').first()).toBeVisible()
    await page.screenshot({ path: `docs/screenshots/section-${orientation}.png` })
  })
}

test.describe('the printed sheets', () => {
  test.use({ kioskSetup: { settings: clinic } })
  for (const id of ['prevention', 'stretches', 'home-care']) {
    test(`the ${id} sheet's first page, as printed on Letter`, async ({ page }) => {
      await page.goto(`/#/print/${id}?lang=en`)
      await page.waitForFunction(() => document.title.startsWith('print-ready'))
      const file = join(mkdtempSync(join(tmpdir(), 'kiosk-docs-')), `${id}.pdf`)
      await page.pdf({ path: file, format: 'Letter', printBackground: true })
      execFileSync('pdftoppm', ['-png', '-r', '70', '-singlefile', file, `docs/sheets/${id}`])
    })
  }
})
