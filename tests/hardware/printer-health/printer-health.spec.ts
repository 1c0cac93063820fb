import { execFileSync } from 'node:child_process'
import type { Page } from '@playwright/test'
import { printerCheckIntervalMs } from '../../../electron/shared/printer-status'
import { expect, staffPin, test } from '../../e2e/fixtures'
import { requireTestServices } from '../test-services'

/**
 * The kiosk asks the real CUPS how its default queue is. Stopping the queue (as CUPS does when
 * a printer runs out of paper or goes offline) takes Print away within one check, and a visitor
 * is offered the QR code instead; starting it again brings Print back.
 */
const { printer } = requireTestServices()

async function staffPrinterWords(page: Page): Promise<string> {
  await page.goto('/#/admin')
  for (const digit of staffPin) await page.getByTestId(`pin-${digit}`).click()
  await page.getByTestId('pin-ok').click()
  await expect(page.getByTestId('staff-home')).toBeVisible()
  await page.goto('/#/admin/settings')
  await expect(page.getByTestId('printer-health')).toBeVisible()
  return (await page.getByTestId('printer-health').textContent()) ?? ''
}

test('a stopped printer is not offered: a QR code is, until the printer is started again', async ({
  page,
  context,
}) => {
  await page.clock.install()
  await page.goto('/')
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-sheets').click()
  await expect(page.getByTestId('print-prevention')).toBeVisible()

  execFileSync('cupsdisable', [printer.queue])
  try {
    await page.clock.runFor(printerCheckIntervalMs)
    await expect(page.getByTestId('printer-down')).toContainText('The printer is not working')
    await expect(page.getByTestId('print-prevention')).toHaveCount(0)
    await page.getByTestId('qr-prevention').click()
    await expect(page.getByTestId('print-qr')).toBeVisible()
    await page.getByTestId('print-finish').click()

    const staff = await context.newPage()
    expect(await staffPrinterWords(staff)).toContain(
      `Printer ${printer.queue}: Cannot print: stopped`,
    )
    await staff.close()
  } finally {
    execFileSync('cupsenable', [printer.queue])
  }
  await page.clock.runFor(printerCheckIntervalMs)
  await expect(page.getByTestId('print-prevention')).toBeVisible()
  await expect(page.getByTestId('printer-down')).toHaveCount(0)
})
