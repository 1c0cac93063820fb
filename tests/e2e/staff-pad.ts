import { expect, type Page } from '@playwright/test'
import { staffPin } from './fixtures'

/** Types a PIN on the staff pad by touch, then OK. */
export async function typePin(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`pin-${digit}`).click()
  await page.getByTestId('pin-ok').click()
}

/** Opens staff mode with the kiosk's staff PIN. */
export async function signIn(page: Page, pin = staffPin): Promise<void> {
  await page.goto('/#/admin')
  await expect(page.getByTestId('pin-sign-in')).toBeVisible()
  await typePin(page, pin)
  await expect(page.getByTestId('staff-home')).toBeVisible()
}

/** Calls the kiosk's API from its own page, as the page itself does. */
export function callFromPage(page: Page, method: string, args: unknown[]): Promise<unknown> {
  return page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      return response.json() as Promise<unknown>
    },
    [method, args] as const,
  )
}
