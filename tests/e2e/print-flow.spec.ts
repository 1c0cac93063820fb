import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { collectPageErrors } from './page-errors'

/** Counts the page's window.print() calls: in a browser, that is how a sheet is printed. */
async function countPrints(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const counter = window as unknown as { printCalls: number }
    counter.printCalls = 0
    window.print = () => {
      counter.printCalls += 1
    }
  })
  return () => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)
}

async function openSheets(page: Page) {
  await page.goto('/')
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-sheets').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Take-home sheets' })).toBeVisible()
}

async function printSheet(page: Page, id: string) {
  await page.getByTestId(`print-${id}`).click()
  await page.getByTestId('print-confirm-yes').click()
}

/** What the host counted, read from its usage file once it has stopped (and saved). */
async function countedPrints(userData: string): Promise<Record<string, unknown>> {
  const usage = JSON.parse(await readFile(join(userData, 'usage.json'), 'utf8'))
  return Object.values(usage.days as Record<string, { prints: Record<string, number> }>)[0]!
}

test('a visitor prints a sheet: confirm, the browser prints it, then where to collect it', async ({
  page,
  kiosk,
}) => {
  const errors = collectPageErrors(page)
  const prints = await countPrints(page)
  await openSheets(page)

  await expect(page.getByTestId('print-left')).toHaveText(
    'You can print 3 more sheets during this visit.',
  )
  await page.getByTestId('print-stretches').click()
  const confirm = page.getByRole('dialog', { name: 'Print this sheet?' })
  await expect(confirm).toContainText('Gentle stretches')
  await page.getByTestId('print-confirm-yes').click()

  await expect(page.getByRole('heading', { name: 'Your sheet is printing' })).toBeVisible()
  await expect(page.getByTestId('print-collect')).toHaveText('Please collect it at the front desk.')
  expect(await prints()).toBe(1)
  await page.getByTestId('print-finish').click()
  await expect(page.getByTestId('print-left')).toHaveText(
    'You can print 2 more sheets during this visit.',
  )
  expect(errors).toEqual([])
  await kiosk.stop()
  expect(await countedPrints(kiosk.userData)).toMatchObject({ prints: { 'stretches/en': 1 } })
})

test.describe('at the daily limit', () => {
  test.use({ kioskSetup: { settings: { dailyPrintLimit: 1 } } })

  test('the kiosk stops printing, says why, and offers a QR code instead', async ({
    page,
    kiosk,
  }) => {
    const prints = await countPrints(page)
    await openSheets(page)
    await printSheet(page, 'prevention')
    await page.getByTestId('print-finish').click()
    await printSheet(page, 'stretches')

    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Sorry, your sheet did not print')
    await expect(page.getByTestId('print-failure')).toHaveText(
      'The kiosk has printed all the sheets it may print today. Please ask at the front desk.',
    )
    const axe = () =>
      new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'wcag2aaa'])
        .analyze()
    expect((await axe()).violations).toEqual([])

    await page.getByTestId('print-retry').click()
    await expect(alert).toBeVisible()
    expect(await prints()).toBe(1)

    await page.getByTestId('print-show-qr').click()
    await expect(page.getByRole('heading', { name: 'Keep this sheet on your phone' })).toBeVisible()
    const qr = page.getByTestId('print-qr')
    await expect(qr).toHaveAttribute('src', /^data:image\/png;base64,/)
    await expect(qr).toHaveAttribute('alt', 'QR code with the sheet: Gentle stretches')
    expect((await axe()).violations).toEqual([])
    await page.getByTestId('print-finish').click()
    await expect(page.getByTestId('print-prevention')).toBeVisible()

    // A refusal at the limit is not a printer failure: only the one real print is counted.
    await kiosk.stop()
    const counted = await countedPrints(kiosk.userData)
    expect(counted['prints']).toEqual({ 'prevention/en': 1 })
    expect(counted['printFailures']).toEqual({})
  })

  test('in Spanish, the reason is in Spanish too', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('button', { name: 'Español' }).click()
    await page.getByTestId('touch-to-start').click()
    await page.getByTestId('tile-sheets').click()
    await printSheet(page, 'prevention')
    await page.getByTestId('print-finish').click()
    await printSheet(page, 'stretches')
    await expect(page.getByTestId('print-failure')).toHaveText(
      'El quiosco ya imprimió todas las hojas que puede imprimir hoy. Pida ayuda en la recepción.',
    )
  })
})

test('a print tried while the host is restarting fails plainly, and a retry then works', async ({
  page,
  kiosk,
}) => {
  const prints = await countPrints(page)
  await openSheets(page)
  await kiosk.stop()
  await printSheet(page, 'home-care')
  await expect(page.getByTestId('print-failure')).toHaveText(
    'Something went wrong. Please ask at the front desk.',
  )
  await kiosk.restart()
  await page.getByTestId('print-retry').click()
  await expect(page.getByTestId('print-collect')).toBeVisible()
  expect(await prints()).toBe(1)
})

test('one visit prints at most three sheets, and the next visit may print again', async ({
  page,
}) => {
  await page.clock.install()
  await countPrints(page)
  await openSheets(page)
  for (const id of ['prevention', 'stretches', 'home-care']) {
    await printSheet(page, id)
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
