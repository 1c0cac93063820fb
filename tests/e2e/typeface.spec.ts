import { expect, test } from './fixtures'
import { startVisit } from './screens'

/**
 * Every kiosk draws its screens in the one bundled typeface, served by the kiosk itself: a
 * layout measured here is the layout a clinic gets, whatever fonts its computer has.
 */
test('screens use the bundled Atkinson Hyperlegible, regular and bold, from the kiosk itself', async ({
  page,
  kiosk,
}) => {
  const fonts: string[] = []
  page.on('response', (response) => {
    if (/\.woff2?(\?|$)/.test(response.url())) fonts.push(response.url())
  })
  await startVisit(page, { locale: 'es' })
  await page.waitForFunction(() => document.fonts.status === 'loaded')
  const loaded = await page.evaluate(() =>
    [...document.fonts]
      .filter((face) => face.status === 'loaded')
      .map((face) => `${face.family.replace(/"/g, '')} ${face.weight}`),
  )
  expect(loaded).toEqual(
    expect.arrayContaining(['Atkinson Hyperlegible 400', 'Atkinson Hyperlegible 700']),
  )
  const family = await page.locator('main h1').evaluate((h1) => getComputedStyle(h1).fontFamily)
  expect(family).toMatch(/^'?"?Atkinson Hyperlegible/)
  expect(fonts.length).toBeGreaterThan(0)
  for (const url of fonts) expect(url.startsWith(kiosk.url)).toBe(true)
})
