import { expect, test } from './fixtures'
import { axeAfterTap } from './axe-after-tap'
import { collectPageErrors } from './page-errors'

// Visitors use the kiosk with their fingers: every step here is a tap on a touch screen.
test.use({ hasTouch: true })

const sections = {
  en: {
    myths: { title: 'Myths and facts', says: ['hurt does not mean harm', 'a disc cannot slip'] },
    'daily-life': {
      title: 'Daily life with a back spasm',
      says: ['roll onto your side', 'Going back to work early'],
    },
    'what-to-expect': {
      title: 'What to expect as you get better',
      says: ['Days 1 to 2', 'Weeks 2 to 4'],
    },
  },
  es: {
    myths: {
      title: 'Mitos y realidades',
      says: ['que duela no quiere decir que haya daño', 'un disco no se puede salir'],
    },
    'daily-life': {
      title: 'La vida diaria con un espasmo de espalda',
      says: ['gire hacia un lado', 'Volver pronto al trabajo'],
    },
    'what-to-expect': {
      title: 'Qué esperar mientras mejora',
      says: ['Días 1 a 2', 'Semanas 2 a 4'],
    },
  },
} as const

const whoFor = {
  en: 'This information is for adults, aged 16 and over.',
  es: 'Esta información es para adultos de 16 años o más.',
}

for (const locale of ['en', 'es'] as const) {
  test(`the new sections open and page through by touch, with zero axe violations (${locale})`, async ({
    page,
  }) => {
    test.setTimeout(90_000)
    const errors = collectPageErrors(page)
    const violations: string[] = []
    await page.goto('/')
    if (locale === 'es') await page.getByRole('button', { name: 'Español' }).tap()
    await page.getByTestId('touch-to-start').tap()
    await expect(page.locator('html')).toHaveAttribute('lang', locale)

    for (const [id, { title, says }] of Object.entries(sections[locale])) {
      await page.getByTestId(`tile-${id}`).tap()
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
      const seen: string[] = []
      for (let n = 1; ; n += 1) {
        await expect(page.locator('.document-page')).toHaveAttribute('data-page', String(n))
        violations.push(...(await axeAfterTap(page, `${id} page ${n}`)))
        seen.push((await page.locator('.document-page').textContent()) ?? '')
        const next = page.getByTestId('page-next')
        if (!(await next.isVisible()) || !(await next.isEnabled())) break
        await next.tap()
      }
      for (const text of says) expect(seen.join(' '), `${id} says "${text}"`).toContain(text)
      await page.getByTestId('nav-home').tap()
      await expect(page.getByTestId(`tile-${id}`)).toBeVisible()
    }

    await page.getByTestId('tile-what-is').tap()
    for (;;) {
      if (await page.locator('.document-page').getByText(whoFor[locale]).isVisible()) break
      await page.getByTestId('page-next').tap()
    }
    violations.push(...(await axeAfterTap(page, 'what-is, who this is for')))
    expect(violations).toEqual([])
    expect(errors).toEqual([])
  })
}
