import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import type { PrintRequest, PrintResult } from '../../electron/shared/contract'
import { installKioskBackend } from './kiosk-backend'
import { collectPageErrors } from './page-errors'

/** A printer the test answers for: each print waits until the test says how it went. */
function controlledPrinter() {
  const requests: PrintRequest[] = []
  const answers: ((result: PrintResult) => void)[] = []
  return {
    requests,
    print: (request: PrintRequest) => {
      requests.push(request)
      return new Promise<PrintResult>((resolve) => answers.push(resolve))
    },
    /** Answers the next print, waiting for it to reach the printer if it has not yet. */
    async answer(result: PrintResult) {
      await expect.poll(() => answers.length).toBeGreaterThan(0)
      answers.shift()?.(result)
    },
  }
}

async function openSheets(page: Page) {
  await page.goto('/')
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-sheets').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Take-home sheets' })).toBeVisible()
}

const failed: PrintResult = {
  ok: false,
  reason: 'printer-failed',
  message: 'The printer could not print your sheet. It may be off, offline or out of paper.',
}

test('a visitor prints a sheet: confirm, sending, then where to collect it', async ({ page }) => {
  const errors = collectPageErrors(page)
  const printer = controlledPrinter()
  await installKioskBackend(page, { print: printer.print })
  await openSheets(page)

  await expect(page.getByTestId('print-left')).toHaveText(
    'You can print 3 more sheets during this visit.',
  )
  await page.getByTestId('print-stretches').click()
  const confirm = page.getByRole('dialog', { name: 'Print this sheet?' })
  await expect(confirm).toContainText('Gentle stretches')
  await page.getByTestId('print-confirm-yes').click()

  await expect(page.getByRole('status')).toContainText('Sending your sheet to the printer')
  await printer.answer({ ok: true, via: 'printer' })
  expect(printer.requests).toEqual([{ sheetId: 'stretches', locale: 'en' }])

  await expect(page.getByRole('heading', { name: 'Your sheet is printing' })).toBeVisible()
  await expect(page.getByTestId('print-collect')).toHaveText('Please collect it at the front desk.')
  await page.getByTestId('print-finish').click()
  await expect(page.getByTestId('print-left')).toHaveText(
    'You can print 2 more sheets during this visit.',
  )
  expect(errors).toEqual([])
})

test('a failed print says why, can be tried again, or shown as a QR code', async ({ page }) => {
  const printer = controlledPrinter()
  await installKioskBackend(page, { print: printer.print })
  await openSheets(page)
  await page.getByTestId('print-prevention').click()
  await page.getByTestId('print-confirm-yes').click()
  await printer.answer(failed)

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Sorry, your sheet did not print')
  const axe = () =>
    new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'wcag2aaa'])
      .analyze()
  expect((await axe()).violations).toEqual([])
  await expect(page.getByTestId('print-failure')).toHaveText(failed.ok ? '' : failed.message)

  await page.getByTestId('print-retry').click()
  await expect(page.getByRole('status')).toContainText('Sending')
  await printer.answer(failed)
  expect(printer.requests).toHaveLength(2)
  await expect(alert).toBeVisible()

  await page.getByTestId('print-show-qr').click()
  await expect(page.getByRole('heading', { name: 'Keep this sheet on your phone' })).toBeVisible()
  const qr = page.getByTestId('print-qr')
  await expect(qr).toHaveAttribute('src', /^data:image\/png;base64,/)
  await expect(qr).toHaveAttribute('alt', 'QR code with the sheet: Preventing back spasms')
  expect((await axe()).violations).toEqual([])
  await page.getByTestId('print-finish').click()
  await expect(page.getByTestId('print-prevention')).toBeVisible()
})

test('a retry that works ends on "collect your sheet"', async ({ page }) => {
  const printer = controlledPrinter()
  await installKioskBackend(page, { print: printer.print })
  await openSheets(page)
  await page.getByTestId('print-home-care').click()
  await page.getByTestId('print-confirm-yes').click()
  await printer.answer(failed)
  await page.getByTestId('print-retry').click()
  await printer.answer({ ok: true, via: 'printer' })
  await expect(page.getByTestId('print-collect')).toBeVisible()
})

test('one visit prints at most three sheets, and the next visit may print again', async ({
  page,
}) => {
  await page.clock.install()
  await installKioskBackend(page, { print: async () => ({ ok: true, via: 'printer' }) })
  await openSheets(page)
  for (const id of ['prevention', 'stretches', 'home-care']) {
    await page.getByTestId(`print-${id}`).click()
    await page.getByTestId('print-confirm-yes').click()
    await page.getByTestId('print-finish').click()
  }
  await expect(page.getByTestId('print-limit')).toContainText('the most sheets for one visit')
  await expect(page.getByTestId('print-prevention')).toBeDisabled()

  await page.clock.runFor(120_000)
  await expect(page.getByTestId('touch-to-start')).toBeVisible()
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-sheets').click()
  await expect(page.getByTestId('print-left')).toHaveText(
    'You can print 3 more sheets during this visit.',
  )
})

test('the kiosk stops printing at the daily limit and says so', async ({ page }) => {
  let printed = 0
  const { userData } = await installKioskBackend(page, {
    print: async () => {
      printed += 1
      return { ok: true, via: 'printer' }
    },
  })
  const { writeFileSync } = await import('node:fs')
  writeFileSync(`${userData}/settings.json`, JSON.stringify({ dailyPrintLimit: 1 }))
  await openSheets(page)
  await page.getByTestId('print-prevention').click()
  await page.getByTestId('print-confirm-yes').click()
  await page.getByTestId('print-finish').click()
  await page.getByTestId('print-stretches').click()
  await page.getByTestId('print-confirm-yes').click()
  await expect(page.getByTestId('print-failure')).toContainText(
    'printed all the sheets it may print today',
  )
  expect(printed).toBe(1)
})
