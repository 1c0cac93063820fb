import { expect, test } from './fixtures'
import { collectPageErrors } from './page-errors'

test('a visitor goes from the start screen into a section and back home', async ({ page }) => {
  const errors = collectPageErrors(page)
  await page.goto('/')

  await expect(page.getByText('Touch to start')).toBeVisible()
  await page.getByTestId('touch-to-start').click()

  await expect(page.getByRole('heading', { level: 1, name: 'Choose a topic' })).toBeVisible()
  const tiles = page.locator('.tile')
  await expect(tiles.first()).toContainText('When to get help')
  await page.getByTestId('tile-what-is').click()

  await expect(page.getByRole('heading', { level: 1, name: 'What is a back spasm?' })).toBeVisible()
  await expect(page.locator('[data-section="what-is"] .block-paragraph').first()).not.toBeEmpty()
  const progress = page.getByTestId('page-progress')
  await expect(progress).toHaveText(/^Page 1 of \d+$/)
  while (await page.getByTestId('page-next').isEnabled())
    await page.getByTestId('page-next').click()
  await expect(
    page.locator('.document-page').getByText('Where this information comes from'),
  ).toBeVisible()
  await expect(page.getByTestId('disclaimer')).toContainText('not a diagnosis')

  await page.getByTestId('nav-home').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a topic' })).toBeVisible()
  expect(errors).toEqual([])
})

test('the start screen offers Spanish, and choosing it shows the kiosk in Spanish', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  await page.goto('/')
  await page.getByRole('button', { name: 'Español' }).click()
  await expect(page.getByText('Toque para empezar')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await page.getByTestId('touch-to-start').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Elija un tema' })).toBeVisible()
  expect(errors).toEqual([])
})

test('the served page carries the strict content security policy', async ({ request }) => {
  const html = await (await request.get('/')).text()
  expect(html).toContain(`content="default-src 'none'; script-src 'self'`)
  expect(html).not.toMatch(/<script(?![^>]*src=)/)
})
