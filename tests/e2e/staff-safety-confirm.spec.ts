import { expect, test } from './fixtures'
import { collectPageErrors } from './page-errors'
import {
  axeCollector,
  expectAboveKeyboard,
  key,
  signInByTouch,
  staffLocales,
  words,
} from './staff-touch'

const titles = {
  en: {
    causes: 'What causes back spasms?',
    stretches: 'Gentle stretches',
    getHelp: 'When to get help',
  },
  es: {
    causes: '¿Qué causa los espasmos de espalda?',
    stretches: 'Estiramientos suaves',
    getHelp: 'Cuándo pedir ayuda',
  },
}

for (const locale of staffLocales) {
  const w = words(locale)
  const title = titles[locale]

  test.describe(`staff in ${locale}`, () => {
    test.use({ hasTouch: true, kioskSetup: { settings: { staffLocale: locale } } })

    test(`point 1: "When to get help" cannot be hidden or emptied; hiding a page or a sheet asks, saying what visitors lose (${locale})`, async ({
      page,
    }) => {
      const errors = collectPageErrors(page)
      const axe = axeCollector(page)
      await signInByTouch(page)
      await page.getByTestId('staff-content').tap()

      // Always shown and first: no hide button, no way to move it or above it.
      const rows = page.locator('.content-row')
      await expect(rows.first()).toHaveAttribute('data-testid', 'content-row-get-help')
      await expect(page.getByTestId('content-safety-get-help')).toHaveText(
        w('staff.content.alwaysShown'),
      )
      await expect(page.getByTestId('content-visible-get-help')).toHaveCount(0)
      await expect(page.getByTestId('content-down-get-help')).toBeDisabled()
      await expect(rows.nth(1)).toHaveAttribute('data-testid', 'content-row-what-is')
      await expect(page.getByTestId('content-up-what-is')).toBeDisabled()
      await axe.check('content')

      // Hiding a section asks first and says what visitors will no longer see.
      await page.getByTestId('content-visible-causes').tap()
      await expect(page.getByTestId('confirm-text')).toHaveText(
        w('staff.content.hideText.section', { title: title.causes }),
      )
      await axe.check('hide question')
      await page.getByTestId('confirm-no').tap()
      await expect(page.getByTestId('content-visible-causes')).toHaveAttribute(
        'aria-pressed',
        'true',
      )
      await page.getByTestId('content-visible-causes').tap()
      await page.getByTestId('confirm-yes').tap()
      await expect(page.getByTestId('content-done')).toHaveText(
        w('staff.content.nowHidden', { title: title.causes }),
      )
      await expect(page.getByTestId('content-visible-causes')).toHaveText(w('staff.content.hidden'))

      // A sheet too, then shown again without a question.
      await page.getByTestId('content-visible-stretches').tap()
      await expect(page.getByTestId('confirm-text')).toHaveText(
        w('staff.content.hideText.sheet', { title: title.stretches }),
      )
      await page.getByTestId('confirm-yes').tap()
      await expect(page.getByTestId('content-visible-stretches')).toHaveText(
        w('staff.content.hidden'),
      )
      await page.getByTestId('content-visible-stretches').tap()
      await expect(page.getByTestId('content-done')).toHaveText(
        w('staff.content.nowShown', { title: title.stretches }),
      )

      // The editor says why the emergency list cannot be emptied, at the field, and saves nothing.
      await page.getByTestId('content-edit-get-help').tap()
      const emergencyList = page.getByTestId('edit-block-1').locator('[data-field="items"]')
      await emergencyList.tap()
      await expectAboveKeyboard(page, emergencyList)
      await key(page, '{clear}').tap()
      const why = page.getByTestId('edit-block-1').locator('.field-problem')
      await expect(why).toHaveText(w('problems.rule.emergency-list-kept'))
      await axe.check('editor with a problem')
      await page.getByTestId('edit-save').tap()
      await expect(emergencyList).toBeFocused()
      await expect(page.getByTestId('edit-saved')).toHaveCount(0)

      // The visitor still has the page, first, and the hidden section is gone.
      await page.getByTestId('edit-back').tap()
      await page.getByTestId('confirm-discard').tap()
      await page.getByTestId('staff-sign-out').tap()
      if (locale === 'es') await page.getByRole('button', { name: 'Español' }).tap()
      await page.getByTestId('touch-to-start').tap()
      await expect(page.locator('[data-testid^="tile-"]').first()).toHaveAttribute(
        'data-testid',
        'tile-get-help',
      )
      await expect(page.getByTestId('tile-causes')).toHaveCount(0)
      expect(axe.violations()).toEqual([])
      expect(errors).toEqual([])
    })

    test(`point 7: Exit, Restart, Reset and Import each ask once, say what will happen, then say it is done (${locale})`, async ({
      page,
      kiosk,
    }) => {
      const axe = axeCollector(page)
      await signInByTouch(page)

      await page.getByTestId('staff-restart').tap()
      await expect(page.getByTestId('confirm-text')).toHaveText(w('staff.power.restartText'))
      const reloaded = page.waitForEvent('load')
      await page.getByTestId('confirm-yes').tap()
      await expect(page.getByTestId('staff-power-note')).toHaveText(w('staff.restartBrowser'))
      // In a browser the page signs staff out, then reloads itself, fresh, at the PIN pad.
      await reloaded
      await expect(page.getByTestId('pin-sign-in')).toBeVisible()

      await signInByTouch(page)
      await page.getByTestId('staff-content').tap()
      await page.getByTestId('content-visible-causes').tap()
      await page.getByTestId('confirm-yes').tap()
      await page.getByTestId('content-reset-causes').tap()
      await expect(page.getByTestId('confirm-text')).toHaveText(
        w('staff.content.resetText', { language: w(`language.${locale}`) }),
      )
      await axe.check('reset question')
      await page.getByTestId('confirm-yes').tap()
      await expect(page.getByTestId('content-done')).toHaveText(
        w('staff.content.resetDone', { title: title.causes }),
      )
      await expect(page.getByTestId('content-visible-causes')).toHaveText(w('staff.content.shown'))

      await page.getByTestId('staff-menu').tap()
      await page.getByTestId('staff-backup').tap()
      await page.getByTestId('backup-export').tap()
      await expect(page.getByTestId('backup-exported')).toBeVisible()
      const name = (await page.locator('.backup-name').first().textContent())?.trim() ?? ''
      expect(name).toMatch(/^kiosk-backup-.*\.json$/)
      await page.getByTestId('backup-import-0').tap()
      await expect(page.getByTestId('confirm-text')).toHaveText(w('staff.backup.importConfirmText'))
      await axe.check('import question')
      await page.getByTestId('confirm-yes').tap()
      await expect(page.getByTestId('backup-imported')).toHaveText(
        w('staff.backup.imported', { name }),
      )
      await axe.check('backup')

      // Exit last: it ends the staff session.
      await page.getByTestId('staff-menu').tap()
      await page.getByTestId('staff-exit').tap()
      await expect(page.getByTestId('confirm-text')).toHaveText(w('staff.power.exitTextBrowser'))
      await axe.check('exit question')
      await page.getByTestId('confirm-no').tap()
      await expect(page.getByTestId('confirm')).toHaveCount(0)
      expect(kiosk.log().join('\n')).not.toContain('staff chose Exit')
      await page.getByTestId('staff-exit').tap()
      await page.getByTestId('confirm-yes').tap()
      await expect(page.getByTestId('staff-power-note')).toHaveText(w('staff.exitBrowser'))
      await expect.poll(() => kiosk.log().join('\n')).toContain('staff chose Exit')
      expect(axe.violations()).toEqual([])
    })
  })
}

test.describe('the staff language', () => {
  test.use({ hasTouch: true })

  test('point 8: staff screens and the PIN pad stay in the staff language whatever the visitor chose, and follow the setting at once', async ({
    page,
  }) => {
    const en = words('en')
    const es = words('es')
    await page.goto('/')
    await page.getByRole('button', { name: 'Español' }).tap()
    await page.getByTestId('touch-to-start').tap()
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    // The visitor reads Spanish; staff, with the kiosk's first language English, read English.
    await page.goto('/#/admin')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en('staff.pin.signInTitle'))
    await expect(page.getByTestId('pin-ok')).toHaveText(en('staff.pin.ok'))
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await signInByTouch(page)
    await page.getByTestId('staff-settings').tap()
    await page.getByTestId('setting-staffLocale').getByRole('button', { name: 'Español' }).tap()
    await page.getByTestId('settings-save').tap()
    await expect(page.getByTestId('settings-saved')).toHaveText(es('staff.settings.saved'))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(es('staff.menu.settings'))
    await page.getByTestId('staff-menu').tap()
    await expect(page.getByTestId('staff-settings')).toHaveText(es('staff.menu.settings'))
    // Visitors still start in the kiosk's own first language.
    await page.getByTestId('staff-sign-out').tap()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.goto('/#/admin')
    await expect(page.getByTestId('pin-ok')).toHaveText(es('staff.pin.ok'))
  })
})

test.describe('a kiosk that starts in Spanish', () => {
  test.use({ hasTouch: true, kioskSetup: { settings: { defaultLocale: 'es' } } })

  test('point 8: staff screens default to the kiosk first language', async ({ page }) => {
    await signInByTouch(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('es')('staff.homeTitle'))
  })
})
