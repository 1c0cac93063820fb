import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, staffPin, test } from './fixtures'
import { kioskRunning } from './kiosk-running'
import { collectPageErrors } from './page-errors'
import { callFromPage, signIn, typePin } from './staff-pad'

/** WCAG 2.2 AA problems on the screen now, as the visitor screens are checked. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  return results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} ${v.help}`)
}

/** The audit log's events, oldest first, as IT reads the file. */
const auditEvents = (userData: string) =>
  readFileSync(join(userData, 'audit.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { event: string }).event)

test.describe('a damaged staff PIN file', () => {
  test.use({
    kioskSetup: { prepare: (userData) => writeFile(join(userData, 'staff-pin.json'), 'garbage') },
  })

  test('after a restart leaves staff mode locked with the IT reset message, and offers no PIN to choose', async ({
    page,
    kiosk,
  }) => {
    const errors = collectPageErrors(page)
    await kiosk.restart()
    await page.goto('/#/admin')
    const locked = page.getByTestId('pin-reset-needed')
    await expect(locked.getByRole('heading', { name: 'Staff mode is locked' })).toBeVisible()
    await expect(locked).toContainText('Ask IT to set a new staff PIN on this computer.')
    await expect(page.getByTestId('pin-reset-command')).toHaveText(
      'npm run serve:web -- --user-data <folder> --reset-staff-pin',
    )
    await expect(page.getByText(/choose a (staff )?PIN/i)).toHaveCount(0)
    await expect(page.getByTestId('pin-ok')).toHaveCount(0)
    expect(await accessibilityProblems(page)).toEqual([])
    expect(errors).toEqual([])
    // Not through the API either: the old PIN does not open it, and setup cannot be run again.
    expect(await callFromPage(page, 'staffSignIn', [{ pin: staffPin }])).toMatchObject({
      result: { ok: false, reason: 'reset-needed' },
    })
    expect(
      await callFromPage(page, 'completeSetup', [{ clinicName: 'Mine now', staffPin: '739152' }]),
    ).toEqual({ refused: 'setup-done' })
    // Visitors are still served.
    await page.goto('/')
    await expect(page.getByTestId('touch-to-start')).toBeVisible()
  })
})

test('five wrong PINs lock the pad, the right PIN during the lock does not open staff mode, and the lock outlasts a restart', async ({
  page,
  kiosk,
}) => {
  await page.goto('/#/admin')
  for (let attempt = 0; attempt < 5; attempt += 1) await typePin(page, '0000')
  await expect(page.getByTestId('pin-locked')).toContainText(/Try again in [45]:\d\d/)
  await kiosk.restart()
  await page.reload()
  await expect(page.getByTestId('pin-locked')).toBeVisible()
  await expect(page.getByTestId('pin-ok')).toBeDisabled()
  expect(await callFromPage(page, 'staffSignIn', [{ pin: staffPin }])).toMatchObject({
    result: { ok: false, reason: 'locked' },
  })
  await expect(page.getByTestId('staff-home')).toHaveCount(0)
  expect(auditEvents(kiosk.userData)).toEqual([
    'setup',
    'sign-in-failed',
    'sign-in-failed',
    'sign-in-failed',
    'sign-in-failed',
    'sign-in-failed',
    'locked',
    'sign-in-failed',
  ])
  expect(readFileSync(join(kiosk.userData, 'audit.log'), 'utf8')).not.toContain(staffPin)
})

test('signing in is audited, never the PIN', async ({ page, kiosk }) => {
  await signIn(page)
  expect(auditEvents(kiosk.userData)).toEqual(['setup', 'sign-in'])
})

test.describe('a kiosk never set up', () => {
  test.use({ kioskSetup: { firstRun: true } })

  test('starts in first-run setup, not the visitor start screen, and serves visitors once staff set it up by touch', async ({
    page,
    kiosk,
  }) => {
    const errors = collectPageErrors(page)
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Set up this kiosk' })).toBeVisible()
    await expect(page.getByTestId('touch-to-start')).toHaveCount(0)
    await page.goto('/#/home')
    await expect(page.getByTestId('first-run-setup')).toBeVisible()
    await expect(page.getByTestId('tile-what-is')).toHaveCount(0)
    expect(await accessibilityProblems(page)).toEqual([])

    // By touch only: the on-screen keyboard, the buttons and the PIN pad.
    const keyboard = page.getByTestId('on-screen-keyboard')
    const press = async (text: string) => {
      for (const key of text) {
        if (key !== key.toLowerCase()) await keyboard.locator('[data-skbtn="{shift}"]').click()
        await keyboard.locator(`[data-skbtn="${key === ' ' ? '{space}' : key}"]`).click()
      }
    }
    await page.getByTestId('setting-clinicName').click()
    await press('Oak Clinic')
    await page.getByTestId('setting-clinicPhone').click()
    await press('555 0100')
    await expect(page.getByTestId('browser-printer')).toBeVisible()
    await page.getByTestId('setting-paperSize').getByRole('button', { name: 'A4' }).click()
    await typePin(page, '582039')
    await typePin(page, '582039')
    await expect(page.getByTestId('setup-pin-chosen')).toBeVisible()
    await page.getByTestId('setup-finish').click()

    await expect(page.getByTestId('touch-to-start')).toBeVisible()
    const settings = JSON.parse(readFileSync(join(kiosk.userData, 'settings.json'), 'utf8'))
    expect(settings).toMatchObject({
      clinicName: 'Oak Clinic',
      clinicPhone: '555 0100',
      paperSize: 'A4',
    })
    // The start screen keeps telling the host it is shown; away from it, the restart is quiet.
    await page.goto('about:blank')
    await kiosk.restart()
    await page.goto('/')
    await kioskRunning(page)
    await signIn(page, '582039')
    expect(errors).toEqual([])
  })

  test('the setup screen cannot be skipped through the API: staff calls need setup first', async ({
    page,
  }) => {
    await page.goto('/')
    await expect(page.getByTestId('first-run-setup')).toBeVisible()
    expect(await callFromPage(page, 'staffSignIn', [{ pin: '000000' }])).toMatchObject({
      result: { ok: false, reason: 'not-set' },
    })
    expect(await callFromPage(page, 'getSetupStatus', [])).toEqual({ result: { needed: true } })
  })
})
