import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { collectPageErrors } from './page-errors'
import {
  axeCollector,
  expectKeyboardHidden,
  fillByTouch,
  holdTouch,
  typeByTouch,
  words,
} from './staff-touch'

const w = words('en')
const pin = '582039'

async function tapPin(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`pin-${digit}`).tap()
  await page.getByTestId('pin-ok').tap()
}

test.describe('a clinic receptionist, by touch only, from a fresh start', () => {
  test.use({ hasTouch: true, kioskSetup: { firstRun: true } })

  test('sets the kiosk up, changes every setting, edits a page, hides and shows a sheet, undoes a change, goes back to a version, exports and imports a backup and reads usage', async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(180_000)
    const errors = collectPageErrors(page)
    const axe = axeCollector(page)
    const field = (name: string) => page.getByTestId(`setting-${name}`)
    const choose = (setting: string, name: string) =>
      page.getByTestId(`setting-${setting}`).getByRole('button', { name, exact: true }).tap()

    // First-run setup.
    await page.goto('/')
    await expect(page.getByTestId('first-run-setup')).toBeVisible()
    await axe.check('setup')
    await field('clinicName').tap()
    await typeByTouch(page, 'Oak Clinic')
    await field('clinicPhone').tap()
    await typeByTouch(page, '555 0100')
    await choose('staffLocale', 'English')
    await tapPin(page, pin)
    await tapPin(page, pin)
    await expect(page.getByTestId('setup-pin-chosen')).toBeVisible()
    await page.getByTestId('setup-finish').tap()
    await expect(page.getByTestId('touch-to-start')).toBeVisible()

    // Into staff mode: three seconds on the top-left corner, then the PIN.
    await holdTouch(page, 20, 20, 3300)
    await expect(page.getByTestId('pin-sign-in')).toBeVisible()
    await tapPin(page, pin)
    await expect(page.getByTestId('staff-home')).toBeVisible()
    await axe.check('menu')

    // Every setting.
    await page.getByTestId('staff-settings').tap()
    const typed: [string, string][] = [
      ['clinicName', 'Oak Family Clinic'],
      ['clinicPhone', '555-0199'],
      ['clinicWebsite', 'https://oak.example.org'],
      ['emergencyNumber', '112'],
      ['collectionPoint', 'the pharmacy window'],
      ['idleTimeoutSeconds', '150'],
      ['idleWarningSeconds', '25'],
      ['staffIdleTimeoutSeconds', '240'],
      ['perVisitPrintLimit', '5'],
      ['dailyPrintLimit', '300'],
    ]
    for (const [name, value] of typed) await fillByTouch(page, field(name), value)
    await page.getByRole('heading', { level: 1 }).tap()
    await expectKeyboardHidden(page)
    await choose('defaultLocale', 'Español')
    await choose('defaultTextSize', w('staff.settings.size.large'))
    await choose('defaultContrast', w('staff.settings.contrast.high'))
    await choose('staffLocale', 'English')
    await choose('paperSize', 'A4')
    await axe.check('settings')
    await page.getByTestId('settings-save').tap()
    await expect(page.getByTestId('settings-saved')).toHaveText(w('staff.settings.saved'))
    const saved = JSON.parse(readFileSync(join(kiosk.userData, 'settings.json'), 'utf8'))
    expect(saved).toMatchObject({
      ...Object.fromEntries(
        typed.map(([name, value]) => [
          name,
          /^\d+$/.test(value) && name !== 'emergencyNumber' ? Number(value) : value,
        ]),
      ),
      defaultLocale: 'es',
      defaultTextSize: 'large',
      defaultContrast: 'high',
      staffLocale: 'en',
      paperSize: 'A4',
    })

    // A page edited with the keyboard.
    await page.getByTestId('staff-menu').tap()
    await page.getByTestId('staff-content').tap()
    await page.getByTestId('content-locale-en').tap()
    await page.getByTestId('content-edit-what-is').tap()
    await fillByTouch(page, page.getByTestId('edit-title'), 'Back spasms in short')
    await page.getByTestId('edit-save').tap()
    await expect(page.getByTestId('edit-saved')).toBeVisible()
    await axe.check('editor')

    // A sheet hidden and shown again.
    await page.getByTestId('edit-back').tap()
    await page.getByTestId('content-locale-en').tap()
    await page.getByTestId('content-visible-home-care').tap()
    await page.getByTestId('confirm-yes').tap()
    await expect(page.getByTestId('content-visible-home-care')).toHaveText(
      w('staff.content.hidden'),
    )
    await page.getByTestId('content-visible-home-care').tap()
    await expect(page.getByTestId('content-visible-home-care')).toHaveText(w('staff.content.shown'))

    // Undo one change: the edit (newest first: shown, hidden, edited).
    await page.getByTestId('staff-menu').tap()
    await page.getByTestId('staff-history').tap()
    await page.getByTestId('history-open-2').tap()
    await page.getByTestId('history-undo').tap()
    await expect(page.getByTestId('history-message')).toContainText(
      w('staff.history.undone', { what: '' }).slice(0, 6),
    )
    await axe.check('history')

    // Back to an old version: the one just after the page was edited.
    const entries = page.locator('.history-row')
    const last = (await entries.count()) - 1
    await page.getByTestId(`history-open-${last}`).tap()
    await page.getByTestId('history-restore').tap()
    await expect(page.getByTestId('confirm')).toBeVisible()
    await page.getByTestId('confirm-yes').tap()
    await expect(page.getByTestId('history-message')).toContainText(
      w('staff.history.restored', { when: '' }).replace(/\s*\.?$/, ''),
    )

    // A backup out and back in.
    await page.getByTestId('staff-menu').tap()
    await page.getByTestId('staff-backup').tap()
    await page.getByTestId('backup-export').tap()
    await expect(page.getByTestId('backup-exported')).toBeVisible()
    await page.getByTestId('backup-import-0').tap()
    await page.getByTestId('confirm-yes').tap()
    await expect(page.getByTestId('backup-imported')).toBeVisible()
    await axe.check('backup')

    // Usage.
    await page.getByTestId('staff-menu').tap()
    await page.getByTestId('staff-usage').tap()
    await expect(page.getByTestId('usage-visits')).toBeVisible()
    await expect(page.locator('.usage-chart').first()).toContainText(w('staff.usage.today'))
    await axe.check('usage')

    // Visitors meet the new start: Spanish, large text, high contrast, the edited title.
    await page.getByTestId('staff-sign-out').tap()
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large')
    await page.getByRole('button', { name: 'English' }).tap()
    await page.getByTestId('touch-to-start').tap()
    await expect(page.getByTestId('tile-what-is')).toContainText('Back spasms in short')
    expect(axe.violations()).toEqual([])
    expect(errors).toEqual([])
  })
})
