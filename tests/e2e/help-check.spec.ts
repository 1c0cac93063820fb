import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { collectPageErrors } from './page-errors'
import { answerUntil } from './screens'

const yes = (page: Page, name = 'Yes') => page.getByRole('button', { name, exact: true })
const no = (page: Page, name = 'No') => page.getByRole('button', { name, exact: true })

/** Answers "No" the given number of times, waiting for each new question to appear. */
async function answerNo(page: Page, times: number, total = 35, locale: 'en' | 'es' = 'en') {
  for (let n = 1; n <= times; n += 1) {
    const progress = locale === 'en' ? `Question ${n} of ${total}` : `Pregunta ${n} de ${total}`
    await expect(page.getByTestId('help-check-progress')).toHaveText(progress)
    await no(page).click()
  }
}

/** The check opened straight from its route, as a staff shortcut or a bookmark would. */
async function openCheck(page: Page): Promise<void> {
  await page.goto('/#/help-check')
  await expect(page.getByRole('heading', { level: 1, name: 'Should I get help?' })).toBeVisible()
  await page.getByRole('button', { name: 'Start', exact: true }).click()
}

test('from "When to get help", a yes to an emergency sign says to get emergency help', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  await page.goto('/')
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-get-help').click()
  await page.getByTestId('start-help-check').click()

  await expect(page.getByRole('heading', { level: 1, name: 'Should I get help?' })).toBeVisible()
  await expect(page.getByTestId('help-check-disclaimer')).toContainText('It is not a diagnosis')
  await page.getByRole('button', { name: 'Start', exact: true }).click()

  const question = page.getByTestId('help-check-question')
  await expect(page.getByTestId('help-check-progress')).toHaveText('Question 1 of 35')
  await expect(question).toContainText('weakness in both legs')
  await expect(question).toBeFocused()
  await no(page).click()
  await expect(question).toContainText('one of your legs weak')
  await expect(question).toBeFocused()
  await yes(page).click()

  const outcome = page.getByTestId('help-check-outcome')
  await expect(outcome.getByRole('heading', { level: 2 })).toHaveText('Get emergency help now')
  await expect(outcome).toContainText('Call 911 now')
  await expect(outcome.locator('.block-callout')).toHaveClass(/tone-emergency/)
  await expect(page.getByTestId('help-check-question')).toHaveCount(0)
  expect(errors).toEqual([])
})

test('a yes after the emergency signs, such as a fever, says to see a doctor soon', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  await openCheck(page)
  await answerNo(page, 14)
  await expect(page.getByTestId('help-check-question')).toContainText('fever')
  await yes(page).click()
  // With a fever, the infection risks come next: any of them would make it urgent.
  const question = page.getByTestId('help-check-question')
  for (const sign of ['weak immune system', 'inject drugs', 'an infection', 'on your spine']) {
    await expect(question).toContainText(sign)
    await no(page).click()
  }

  const outcome = page.getByTestId('help-check-outcome')
  await expect(outcome.getByRole('heading', { level: 2 })).toHaveText(
    'See a doctor soon: today or tomorrow',
  )
  await expect(outcome.locator('.block-callout')).toHaveClass(/tone-warning/)
  await expect(outcome).toContainText('If a new sign starts, do this check again.')
  await page.getByRole('button', { name: 'Start again' }).click()
  await expect(page.getByTestId('help-check-progress')).toHaveText('Question 1 of 35')
  expect(errors).toEqual([])
})

test('a visitor can go back to change an answer', async ({ page }) => {
  const errors = collectPageErrors(page)
  await openCheck(page)
  await answerNo(page, 3)
  await page.getByRole('button', { name: 'Previous question' }).click()
  await expect(page.getByTestId('help-check-progress')).toHaveText('Question 3 of 35')
  await expect(page.getByTestId('help-check-question')).toContainText('feet drag')
  expect(errors).toEqual([])
})

test('all "no" answers give home care advice, then the visitor goes home', async ({ page }) => {
  const errors = collectPageErrors(page)
  await openCheck(page)
  await expect(page.getByTestId('help-check-progress')).toHaveText('Question 1 of 35')
  await answerUntil(page, 'home')

  const outcome = page.getByTestId('help-check-outcome')
  await expect(outcome.getByRole('heading', { level: 2 })).toHaveText('Care for yourself at home')
  await expect(outcome.getByRole('heading', { level: 2 })).toBeFocused()
  await expect(outcome.locator('.block-callout')).toHaveClass(/tone-info/)
  await expect(outcome).toContainText('Book a visit if you are not better in 1 to 2 weeks')
  await page.getByTestId('help-check-home').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a topic' })).toBeVisible()
  expect(errors).toEqual([])
})

test('in Spanish, the check asks and answers in Spanish', async ({ page }) => {
  const errors = collectPageErrors(page)
  await page.goto('/')
  await page.getByRole('button', { name: 'Español' }).click()
  await page.getByTestId('touch-to-start').click()
  await page.getByTestId('tile-get-help').click()
  await page.getByTestId('start-help-check').click()

  await expect(page.getByRole('heading', { level: 1, name: '¿Debo buscar ayuda?' })).toBeVisible()
  await expect(page.getByTestId('help-check-disclaimer')).toContainText('No es un diagnóstico')
  await page.getByRole('button', { name: 'Empezar', exact: true }).click()
  await answerNo(page, 2, 35, 'es')
  await expect(page.getByTestId('help-check-progress')).toHaveText('Pregunta 3 de 35')
  await yes(page, 'Sí').click()

  const outcome = page.getByTestId('help-check-outcome')
  await expect(outcome.getByRole('heading', { level: 2 })).toHaveText(
    'Busque ayuda de emergencia ahora',
  )
  await expect(outcome).toContainText('No espere a ver si mejora.')
  await expect(page.getByRole('button', { name: 'Empezar otra vez' })).toBeVisible()
  expect(errors).toEqual([])
})
