import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { axeAfterTap } from './axe-after-tap'
import { collectPageErrors } from './page-errors'

// Visitors answer with their fingers: every answer here is a tap on a touch screen.
test.use({ hasTouch: true })

const words = {
  en: {
    start: 'Start',
    unsure: 'Not sure',
    no: 'No',
    askNow: 'Ask the front desk now',
    soon: 'See a doctor soon: today or tomorrow',
    private: 'You do not need to say anything out loud',
  },
  es: {
    start: 'Empezar',
    unsure: 'No sé',
    no: 'No',
    askNow: 'Pregunte en la recepción ahora',
    soon: 'Vea a un médico pronto: hoy o mañana',
    private: 'No tiene que decir nada en voz alta',
  },
} as const

/** Taps an answer once the question has been on screen long enough to take it. */
async function tapAnswer(page: Page, name: string): Promise<void> {
  const question = page.getByTestId('help-check-question')
  const asked = await question.getAttribute('data-question')
  const button = page.getByRole('button', { name, exact: true })
  await expect(button).toBeEnabled()
  await button.tap()
  await expect(
    page
      .getByTestId('help-check-outcome')
      .or(question.and(page.locator(`:not([data-question="${asked}"])`))),
  ).toBeVisible()
}

async function openCheck(page: Page, locale: 'en' | 'es'): Promise<void> {
  await page.goto('/')
  if (locale === 'es') await page.getByRole('button', { name: 'Español' }).tap()
  await page.getByTestId('touch-to-start').tap()
  await page.getByTestId('tile-get-help').tap()
  await page.getByTestId('start-help-check').tap()
  await page.getByRole('button', { name: words[locale].start, exact: true }).tap()
}

for (const locale of ['en', 'es'] as const) {
  const say = words[locale]

  test(`"${say.unsure}" on an emergency sign, by touch, says to ask the front desk now (${locale})`, async ({
    page,
  }) => {
    test.setTimeout(60_000)
    const errors = collectPageErrors(page)
    const violations: string[] = []
    await openCheck(page, locale)
    violations.push(...(await axeAfterTap(page, 'first question')))
    await tapAnswer(page, say.unsure)
    // The other emergency signs are still asked: a "yes" to one would still be an emergency.
    for (let n = 2; n <= 14; n += 1) {
      await expect(page.getByTestId('help-check-question')).toHaveAttribute(
        'data-group',
        'emergency',
      )
      if (n === 4) {
        await expect(page.getByTestId('help-check-private')).toContainText(say.private)
        violations.push(...(await axeAfterTap(page, 'private question')))
      }
      await tapAnswer(page, say.no)
    }
    const outcome = page.getByTestId('help-check-outcome')
    await expect(outcome).toHaveAttribute('data-outcome', 'ask-now')
    await expect(outcome.getByRole('heading', { level: 2 })).toHaveText(say.askNow)
    await expect(outcome.locator('.block-callout')).toHaveClass(/tone-emergency/)
    await expect(outcome).toContainText('911')
    violations.push(...(await axeAfterTap(page, 'ask-now result')))
    expect(violations).toEqual([])
    expect(errors).toEqual([])
  })

  test(`"${say.unsure}" on a today sign, by touch, counts as yes (${locale})`, async ({ page }) => {
    test.setTimeout(60_000)
    const errors = collectPageErrors(page)
    await openCheck(page, locale)
    for (let n = 1; n <= 14; n += 1) await tapAnswer(page, say.no)
    await expect(page.getByTestId('help-check-question')).toHaveAttribute('data-question', 'fever')
    for (let n = 0; n < 3; n += 1) await tapAnswer(page, say.no)
    await expect(page.getByTestId('help-check-question')).toHaveAttribute('data-question', 'cancer')
    await tapAnswer(page, say.unsure)
    const outcome = page.getByTestId('help-check-outcome')
    await expect(outcome).toHaveAttribute('data-outcome', 'soon')
    await expect(outcome.getByRole('heading', { level: 2 })).toHaveText(say.soon)
    expect(await axeAfterTap(page, 'soon result')).toEqual([])
    expect(errors).toEqual([])
  })
}
