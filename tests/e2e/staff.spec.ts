import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, staffPin as pin, test } from './fixtures'
import { collectPageErrors } from './page-errors'
import { appLoadsAfterMs, kioskRunning } from './kiosk-running'
import { callFromPage, signIn, typePin } from './staff-pad'

/** A kiosk set up before (with its staff PIN), as on every day after the first. */
test.describe('with a staff PIN', () => {
  test('five wrong PINs lock the pad with a countdown; the right PIN then does not open it', async ({
    page,
  }) => {
    await page.goto('/#/admin')
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await typePin(page, '0000')
      await expect(page.getByTestId('pin-message')).toContainText(
        `${5 - attempt} ${5 - attempt === 1 ? 'try' : 'tries'} left`,
      )
    }
    await typePin(page, '0000')
    await expect(page.getByTestId('pin-locked')).toContainText(/Try again in [45]:\d\d/)
    await expect(page.getByTestId('pin-5')).toBeDisabled()
    const answer = await callFromPage(page, 'staffSignIn', [{ pin }])
    expect(answer).toMatchObject({ result: { ok: false, reason: 'locked' } })
  })

  test('the right PIN opens staff mode, and Sign out closes it', async ({ page }) => {
    await signIn(page)
    await page.getByTestId('staff-sign-out').click()
    await expect(page.getByTestId('touch-to-start')).toBeVisible()
    await page.goto('/#/admin/settings')
    await expect(page.getByTestId('pin-sign-in')).toBeVisible()
  })

  test('no staff screen or staff data can be reached without the PIN, by any route', async ({
    page,
  }) => {
    for (const path of [
      '/admin/settings',
      '/admin/content',
      '/admin/history',
      '/admin/usage',
      '/admin/backup',
      '/admin/content/en/section/what-is',
    ]) {
      await page.goto(`/#${path}`)
      await expect(page.getByTestId('pin-sign-in')).toBeVisible()
      await expect(page.getByTestId('staff-home')).toHaveCount(0)
      await expect(page.locator('.staff-screen')).toHaveCount(0)
    }
    // The page's own API calls, with its cookie: still refused without a signed-in session.
    const refusals = await page.evaluate(async () => {
      const calls: [string, unknown[]][] = [
        ['staffHistory', []],
        ['staffUsage', [{ days: 30 }]],
        ['staffExportBackup', []],
        ['staffSaveSettings', [{ clinicName: 'Hacked' }]],
        ['staffAudit', [{ limit: 10 }]],
      ]
      return Promise.all(
        calls.map(async ([method, args]) => {
          const response = await fetch(`api/${method}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(args),
          })
          return `${method}: ${response.status} ${JSON.stringify(await response.json())}`
        }),
      )
    })
    for (const refusal of refusals) expect(refusal).toMatch(/: 401 {"refused":"sign-in-required"}$/)
  })

  test('staff edit a section, the kiosk shows it, and restoring the previous version brings the old text back', async ({
    page,
  }) => {
    const editTitle = async (title: string) => {
      await signIn(page)
      await page.getByTestId('staff-content').click()
      await page.getByTestId('content-edit-what-is').click()
      await page.getByTestId('edit-title').fill(title)
      await expect(page.getByTestId('reading-meter')).toContainText('Reading grade')
      await page.getByTestId('edit-save').click()
      await expect(page.getByTestId('edit-saved')).toBeVisible()
    }
    await editTitle('What a back spasm is')
    await page.goto('/#/home')
    await expect(page.getByTestId('tile-what-is')).toContainText('What a back spasm is')

    await editTitle('About back spasms')
    await page.goto('/#/home')
    await expect(page.getByTestId('tile-what-is')).toContainText('About back spasms')

    await signIn(page)
    await page.getByTestId('staff-history').click()
    await expect(page.getByTestId('history-0')).toContainText('Text edited: "About back spasms"')
    await page.getByTestId('history-open-1').click()
    await page.getByTestId('history-restore').click()
    await page.getByTestId('confirm-yes').click()
    await expect(page.getByTestId('history-message')).toContainText('back as it was')
    await page.goto('/#/home')
    await expect(page.getByTestId('tile-what-is')).toContainText('What a back spasm is')
  })

  test('hiding a section removes its tile from the kiosk', async ({ page }) => {
    await signIn(page)
    await page.getByTestId('staff-content').click()
    await page.getByTestId('content-visible-causes').click()
    await page.getByTestId('confirm-yes').click()
    await expect(page.getByTestId('content-visible-causes')).toHaveText('Hidden')
    await page.goto('/#/home')
    await expect(page.getByTestId('tile-what-is')).toBeVisible()
    await expect(page.getByTestId('tile-causes')).toHaveCount(0)
  })

  test('invalid settings are explained field by field and nothing is saved', async ({
    page,
    kiosk,
  }) => {
    await signIn(page)
    await page.getByTestId('staff-settings').click()
    await page.getByTestId('setting-idleTimeoutSeconds').fill('10')
    await expect(page.getByTestId('problem-idleTimeoutSeconds')).toHaveText(
      'Enter a number of seconds from 30 to 900, in digits.',
    )
    await page.getByTestId('setting-idleTimeoutSeconds').fill('120')
    await page.getByTestId('setting-clinicName').fill('Riverside Family Clinic')
    await page.getByTestId('settings-save').click()
    await expect(page.getByTestId('settings-saved')).toBeVisible()
    const saved = JSON.parse(readFileSync(join(kiosk.userData, 'settings.json'), 'utf8'))
    expect(saved).toMatchObject({ idleTimeoutSeconds: 120, clinicName: 'Riverside Family Clinic' })
  })

  test('staff mode signs out by itself after its idle timeout', async ({ page }) => {
    await page.clock.install()
    await signIn(page)
    await page.clock.runFor(121_000 + 16_000)
    await expect(page.getByTestId('touch-to-start')).toBeVisible()
    await page.goto('/#/admin/settings')
    await expect(page.getByTestId('pin-sign-in')).toBeVisible()
  })

  test('holding the top-left corner for three seconds opens the PIN pad', async ({ page }) => {
    await page.clock.install()
    await page.goto('/')
    await page.clock.runFor(appLoadsAfterMs)
    await kioskRunning(page)
    await page.mouse.move(20, 20)
    await page.mouse.down()
    await page.clock.runFor(2_000)
    await expect(page.getByTestId('pin-sign-in')).toHaveCount(0)
    await page.clock.runFor(1_100)
    await page.mouse.up()
    await expect(page.getByTestId('pin-sign-in')).toBeVisible()
  })

  test('after a few visits and a print, the staff usage screen shows those counts', async ({
    page,
  }) => {
    await page.addInitScript(() => (window.print = () => undefined))
    for (let visit = 0; visit < 3; visit += 1) {
      await page.goto('/')
      if (visit === 2) await page.getByRole('button', { name: 'Español' }).click()
      await page.getByTestId('touch-to-start').click()
      await page.getByTestId('tile-get-help').click()
      await expect(page.locator('[data-section="get-help"]')).toBeVisible()
      await page.getByTestId('nav-home').click()
    }
    await page.getByTestId('tile-sheets').click()
    await page.getByTestId('print-prevention').click()
    await page.getByTestId('print-confirm-yes').click()
    await expect(page.getByTestId('print-collect')).toBeVisible()

    // A fresh page, so staff mode opens in English whatever the last visitor chose.
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Take-home sheets' })).toBeVisible()
    await signIn(page)
    await page.getByTestId('staff-usage').click()
    await expect(page.getByTestId('usage-visits')).toHaveText('3 visits')
    await expect(
      page.getByTestId('usage-sections').locator('li', { hasText: 'When to get help' }),
    ).toContainText('3 views')
    await expect(page.getByTestId('usage-prints')).toContainText(', in Español')
    await expect(
      page.getByTestId('usage-languages').locator('li', { hasText: 'Español' }),
    ).toContainText('chosen 1 time')
    const download = page.waitForEvent('download')
    await page.getByTestId('usage-csv').click()
    expect((await download).suggestedFilename()).toMatch(/^kiosk-usage-.*\.csv$/)
  })

  test('a corrupt settings file is moved aside, the kiosk runs on defaults, and staff are told', async ({
    page,
    kiosk,
  }) => {
    writeFileSync(join(kiosk.userData, 'settings.json'), '{"clinicName": "Riverside')
    await page.goto('/')
    await kioskRunning(page)
    expect(
      readdirSync(kiosk.userData).some((name) => name.startsWith('settings.json.invalid-')),
    ).toBe(true)
    await signIn(page)
    await expect(page.getByTestId('staff-problems')).toContainText('settings.json')
  })

  test('the on-screen keyboard types into the field staff are editing, and a real keyboard works too', async ({
    page,
  }) => {
    const errors = collectPageErrors(page)
    await signIn(page)
    await page.getByTestId('staff-settings').click()
    const name = page.getByTestId('setting-clinicName')
    await name.fill('')
    await name.focus()
    const keyboard = page.getByTestId('on-screen-keyboard')
    for (const key of ['{shift}', 'O', 'a', 'k'])
      await keyboard.locator(`[data-skbtn="${key}"]`).click()
    await expect(name).toHaveValue('Oak')
    await expect(name).toBeFocused()
    await keyboard.locator('[data-skbtn="{bksp}"]').click()
    await expect(name).toHaveValue('Oa')
    await page.keyboard.type('k Clinic')
    await expect(name).toHaveValue('Oak Clinic')
    expect(errors).toEqual([])
  })
})
