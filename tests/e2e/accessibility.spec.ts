import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'
import { collectPageErrors } from './page-errors'
import { startVisit, visitEveryScreen, type Locale } from './screens'

// A tour of every screen by address, with no touch, can outlast the 90 s walk-away timeout on a
// busy 2-core machine; the reset then ends the tour. The walk-away reset has its own tests.
test.use({ kioskSetup: { settings: { idleTimeoutSeconds: 900 } } })

const orientations = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
}

// WCAG 2.2 AA, plus WCAG 2 AAA (its contrast rule makes body text reach 7:1).
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa']

for (const locale of ['en', 'es'] as Locale[]) {
  for (const [orientation, viewport] of Object.entries(orientations)) {
    for (const highContrast of [false, true]) {
      const mode = highContrast ? 'high contrast' : 'normal contrast'
      test(`every screen has zero axe violations: ${locale}, ${orientation}, ${mode}`, async ({
        page,
      }) => {
        test.setTimeout(120_000)
        const errors = collectPageErrors(page)
        await page.setViewportSize(viewport)
        const violations: string[] = []
        const check = async (name: string) => {
          const results = await new AxeBuilder({ page }).withTags(tags).analyze()
          for (const v of results.violations)
            violations.push(
              `${name}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')} ${v.help}`,
            )
        }
        await page.goto('/')
        if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click()
        await check('start')
        await startVisit(page, { locale, highContrast })
        await expect(page.locator('html')).toHaveAttribute('lang', locale)
        const seen = await visitEveryScreen(page, ({ name }) => check(name))
        expect(seen.length).toBeGreaterThan(20)
        expect([...new Set(violations)]).toEqual([])
        expect(errors).toEqual([])
      })
    }
  }
}
