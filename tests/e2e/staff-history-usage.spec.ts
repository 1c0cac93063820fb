import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { axeCollector, fillByTouch, signInByTouch, staffLocales, words } from './staff-touch'

const titles = {
  en: {
    whatIs: 'What is a back spasm?',
    stretches: 'Gentle stretches',
    getHelp: 'When to get help',
  },
  es: {
    whatIs: '¿Qué es un espasmo de espalda?',
    stretches: 'Estiramientos suaves',
    getHelp: 'Cuándo pedir ayuda',
  },
}

async function editTitle(page: Page, id: string, title: string): Promise<void> {
  await page.getByTestId('staff-menu').tap()
  await page.getByTestId('staff-content').tap()
  await page.getByTestId(`content-edit-${id}`).tap()
  await fillByTouch(page, page.getByTestId('edit-title'), title)
  await page.getByTestId('edit-save').tap()
  await expect(page.getByTestId('edit-saved')).toBeVisible()
}

for (const locale of staffLocales) {
  const w = words(locale)
  const title = titles[locale]
  const language = w(`language.${locale}`)
  const page$ = (t: string) => w('staff.history.page', { title: t, language })

  test.describe(`staff in ${locale}`, () => {
    test.use({ hasTouch: true, kioskSetup: { settings: { staffLocale: locale } } })

    test(`point 6: history says what, who and when to the second; opens before and after; undoes one change; goes back to a version after showing what it changes (${locale})`, async ({
      page,
    }) => {
      test.setTimeout(120_000)
      const axe = axeCollector(page)
      await signInByTouch(page)
      await editTitle(page, 'what-is', 'Spasm basics')
      await page.getByTestId('edit-back').tap()
      await page.getByTestId('content-visible-stretches').tap()
      await page.getByTestId('confirm-yes').tap()
      await expect(page.getByTestId('content-visible-stretches')).toHaveText(
        w('staff.content.hidden'),
      )
      await editTitle(page, 'causes', 'Why spasms start')

      await page.getByTestId('staff-menu').tap()
      await page.getByTestId('staff-history').tap()
      const entry = (i: number) => page.getByTestId(`history-${i}`)
      await expect(entry(0)).toContainText(
        w('staff.history.change.edit', { page: page$('Why spasms start') }),
      )
      await expect(entry(1)).toContainText(
        w('staff.history.change.hide', { page: page$(title.stretches) }),
      )
      // Pages are named by their title as visitors see it now.
      await expect(entry(2)).toContainText(
        w('staff.history.change.edit', { page: page$('Spasm basics') }),
      )
      await expect(entry(0)).toContainText(w('staff.history.by.staff'))
      await expect(entry(0).locator('.history-when')).toHaveText(/\d{1,2}:\d{2}:\d{2}/)
      await axe.check('history')

      // Opened: the change side by side.
      await page.getByTestId('history-open-1').tap()
      const change = page.getByTestId('history-change')
      await expect(change.getByTestId('change-before').first()).toHaveText(w('staff.content.shown'))
      await expect(change.getByTestId('change-after').first()).toHaveText(w('staff.content.hidden'))
      await axe.check('history entry')

      // Undo the first edit only: the later edit and the hidden sheet stay.
      await page.getByTestId('history-open-2').tap()
      await expect(change.getByTestId('change-after').first()).toHaveText('Spasm basics')
      await page.getByTestId('history-undo').tap()
      await expect(page.getByTestId('history-message')).toHaveText(
        w('staff.history.undone', {
          what: w('staff.history.change.edit', { page: page$('Spasm basics') }),
        }),
      )
      await expect(entry(0)).toContainText(w('staff.history.kind.edit'))
      await page.getByTestId('staff-menu').tap()
      await page.getByTestId('staff-content').tap()
      await expect(page.getByTestId('content-row-what-is')).toContainText(title.whatIs)
      await expect(page.getByTestId('content-row-causes')).toContainText('Why spasms start')
      await expect(page.getByTestId('content-visible-stretches')).toHaveText(
        w('staff.content.hidden'),
      )

      // Going back to the version right after the first edit: asked, with what it changes.
      await page.getByTestId('staff-menu').tap()
      await page.getByTestId('staff-history').tap()
      await page.getByTestId('history-open-3').tap()
      await page.getByTestId('history-restore').tap()
      const details = page.getByTestId('confirm-details')
      await expect(page.getByTestId('confirm-text')).toHaveText(w('staff.history.restoreText'))
      await expect(details).toContainText(
        w('staff.history.pageShown', { page: page$(title.stretches) }),
      )
      await expect(details).toContainText(
        w('staff.history.pageText', { page: page$('Why spasms start') }),
      )
      await axe.check('go back question')
      await page.getByTestId('confirm-no').tap()
      await expect(entry(0)).toContainText(w('staff.history.kind.edit'))
      await page.getByTestId('history-restore').tap()
      await page.getByTestId('confirm-yes').tap()
      await expect(page.getByTestId('history-message')).toContainText(
        w('staff.history.restored', { when: '' }).replace(/\s*\.?$/, ''),
      )
      await expect(entry(0)).toContainText(w('staff.history.change.restore', { when: '' }).trim())
      await page.getByTestId('staff-menu').tap()
      await page.getByTestId('staff-content').tap()
      await expect(page.getByTestId('content-row-what-is')).toContainText('Spasm basics')
      await expect(page.getByTestId('content-visible-stretches')).toHaveText(
        w('staff.content.shown'),
      )
      expect(axe.violations()).toEqual([])
    })

    test(`point 9: usage names pages by title, time in a sensible unit, charts with fitting labels and today named, CSV in one tap (${locale})`, async ({
      page,
    }) => {
      const axe = axeCollector(page)
      await page.addInitScript(() => (window.print = () => undefined))
      for (let visit = 0; visit < 2; visit += 1) {
        await page.goto('/')
        if (locale === 'es') await page.getByRole('button', { name: 'Español' }).tap()
        await page.getByTestId('touch-to-start').tap()
        await page.getByTestId('tile-get-help').tap()
        await expect(page.locator('[data-section="get-help"]')).toBeVisible()
        await page.waitForTimeout(1200)
        await page.getByTestId('nav-home').tap()
      }
      await page.getByTestId('tile-sheets').tap()
      await page.getByTestId('print-prevention').tap()
      await page.getByTestId('print-confirm-yes').tap()
      await expect(page.getByTestId('print-collect')).toBeVisible()

      // A fresh page, as staff find the kiosk later.
      await page.goto('about:blank')
      await signInByTouch(page)
      await page.getByTestId('staff-usage').tap()
      await expect(page.getByTestId('usage-visits')).toHaveText(
        w('staff.usage.visits', { count: 2 }, 2),
      )
      const read = page.getByTestId('usage-sections').locator('li', { hasText: title.getHelp })
      await expect(read).toContainText(
        locale === 'es' ? /2 vistas, \d+ segundos?/ : /2 views, \d+ seconds?/,
      )
      await expect(page.getByTestId('usage-sections')).not.toContainText('get-help')
      await expect(page.getByTestId('usage-prints')).toContainText(
        w('staff.usage.sheetIn', {
          title:
            locale === 'es' ? 'Cómo prevenir los espasmos de espalda' : 'Preventing back spasms',
          language,
        }),
      )
      await expect(page.getByTestId('usage-prints')).not.toContainText('prevention/')

      // Every label inside its chart; today's bar named.
      const chart = page.locator('.usage-chart svg').first()
      await expect(chart.locator('text', { hasText: w('staff.usage.today') })).toHaveCount(1)
      const outside = await chart.evaluate((svg) => {
        const box = svg.getBoundingClientRect()
        return [...svg.querySelectorAll('text')]
          .map((text) => ({ text: text.textContent, r: text.getBoundingClientRect() }))
          .filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
          .map(({ text }) => text)
      })
      expect(outside).toEqual([])
      await axe.check('usage')

      const download = page.waitForEvent('download')
      await page.getByTestId('usage-csv').tap()
      const file = await download
      expect(file.suggestedFilename()).toMatch(/^kiosk-usage-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/)
      await expect(page.getByTestId('usage-csv-saved')).toHaveText(
        w('staff.usage.csvDownloaded', { name: file.suggestedFilename() }),
      )
      expect(axe.violations()).toEqual([])
    })
  })
}
