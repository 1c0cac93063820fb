import { createRequire } from 'node:module'
import { expect, test } from './fixtures'
import { collectPageErrors } from './page-errors'

const gremlinsScript = createRequire(import.meta.url).resolve('gremlins.js')

interface Horde {
  unleash(): Promise<void>
}
interface Gremlins {
  createHorde(options: Record<string, unknown>): Horde
  species: Record<string, (options?: Record<string, unknown>) => unknown>
  mogwais: Record<string, (options?: Record<string, unknown>) => unknown>
  strategies: Record<string, (options?: Record<string, unknown>) => unknown>
}

test('5,000 random taps, swipes and keystrokes cause no page error, and the kiosk still resets', async ({
  page,
}) => {
  test.setTimeout(300_000)
  const errors = collectPageErrors(page)
  // The app's own clock and the horde's pacing run on Playwright's clock, so the run is
  // fast and the walk-away reset can be checked at the end.
  await page.clock.install()
  await page.addInitScript({ path: gremlinsScript })
  await page.goto('/')
  await page.getByTestId('touch-to-start').click()
  await expect(page.locator('main h1')).toBeVisible()

  await page.evaluate(() => {
    const g = (window as unknown as { gremlins: Gremlins }).gremlins
    const horde = g.createHorde({
      randomizer: new (g as unknown as { Chance: new (seed: number) => unknown }).Chance(20261121),
      species: [
        g.species['clicker']!(),
        g.species['toucher']!(),
        g.species['scroller']!(),
        g.species['typer']!(),
      ],
      mogwais: [g.mogwais['alert']!()],
      strategies: [g.strategies['distribution']!({ delay: 10, nb: 5000 })],
    })
    const state = window as unknown as { hordeDone: boolean }
    state.hordeDone = false
    void horde.unleash().then(() => {
      state.hordeDone = true
    })
  })
  for (let step = 0; step < 200; step += 1) {
    if (await page.evaluate(() => (window as unknown as { hordeDone: boolean }).hordeDone)) break
    await page.clock.runFor(2_000)
  }
  expect(await page.evaluate(() => (window as unknown as { hordeDone: boolean }).hordeDone)).toBe(
    true,
  )
  expect(errors).toEqual([])

  // Still rendering: the home screen comes up.
  await page.evaluate(() => {
    window.location.hash = '#/home'
  })
  await expect(
    page.getByRole('heading', { level: 1, name: /Choose a topic|Elija un tema/ }),
  ).toBeVisible()
  // Still resettable: left alone, it returns to the start screen.
  await page.clock.runFor(200_000)
  await expect(page.getByTestId('touch-to-start')).toBeVisible()
  expect(errors).toEqual([])
})
