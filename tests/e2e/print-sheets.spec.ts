import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'

const clinic = {
  clinicName: 'Riverside Family Clinic',
  clinicPhone: '555-0100',
  clinicWebsite: 'https://riverside-clinic.example/back-care',
}
const sheets = {
  en: {
    prevention: 'Preventing back spasms',
    stretches: 'Gentle stretches',
    'home-care': 'Caring for a back spasm at home',
  },
  es: {
    prevention: 'Cómo prevenir los espasmos de espalda',
    stretches: 'Estiramientos suaves',
    'home-care': 'Cómo cuidar un espasmo de espalda en casa',
  },
}
const disclaimer = { en: 'not a diagnosis', es: 'no un diagnóstico' }
/**
 * Prevention fits one page. The complete warning signs (home care) and the stretch safety
 * rules (stretches) need a second one: each sheet splits where its content says.
 */
const expectedPages: Record<string, number> = { prevention: 1, stretches: 2, 'home-care': 2 }
const printedOn = {
  en: () => `Printed on ${new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date())}`,
  es: () => `Impreso el ${new Intl.DateTimeFormat('es', { dateStyle: 'long' }).format(new Date())}`,
}
const folder = mkdtempSync(join(tmpdir(), 'kiosk-sheets-'))
/** pdftotext breaks lines where the page does; compare with single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ')

for (const paper of ['Letter', 'A4'] as const) {
  test.describe(`on ${paper} paper`, () => {
    test.use({ kioskSetup: { settings: { ...clinic, paperSize: paper } } })
    for (const locale of ['en', 'es'] as const) {
      for (const [id, title] of Object.entries(sheets[locale])) {
        test(`the ${id} sheet prints on the pages it is split into, on ${paper} (${locale})`, async ({
          page,
        }) => {
          await page.goto(`/#/print/${id}?lang=${locale}`)
          await page.waitForFunction(() => document.title.startsWith('print-ready'))
          await expect(page.getByTestId('print-sheet')).toBeVisible()
          // Each page must fit the printable height itself, not be clipped into it.
          const heights = await page
            .locator('.sheet-page')
            .evaluateAll((pages) => pages.map((el) => el.scrollHeight))
          expect(heights.length).toBe(expectedPages[id])
          for (const height of heights) expect(height).toBeLessThanOrEqual(10 * 96)

          const file = join(folder, `${id}-${locale}-${paper}.pdf`)
          await page.pdf({ path: file, format: paper, printBackground: true })
          const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
          expect(info).toMatch(new RegExp(`^Pages:\\s+${expectedPages[id]}$`, 'm'))
          expect(info).toMatch(
            paper === 'Letter'
              ? /612 x 792 pts/
              : /595(\.\d+)? x 842(\.\d+)? pts|595(\.\d+)? x 841(\.\d+)? pts/,
          )
          const text = flat(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }))
          expect(text).toContain(clinic.clinicName)
          expect(text).toContain(clinic.clinicPhone)
          expect(text).toContain(flat(title))
          expect(text).toContain(printedOn[locale]())
          expect(text).toContain(disclaimer[locale])
          expect(text).toContain(clinic.clinicWebsite)
          // The README shows the English sheets as printed (their first page), from this very PDF.
          if (locale === 'en' && paper === 'Letter')
            execFileSync('pdftoppm', ['-png', '-r', '70', '-singlefile', file, `docs/sheets/${id}`])
        })
      }
    }
  })
}

test('a sheet shows the clinic defaults when staff have not set any details', async ({ page }) => {
  await page.goto('/#/print/prevention?lang=en')
  await page.waitForFunction(() => document.title.startsWith('print-ready'))
  await expect(page.getByTestId('sheet-clinic-name')).toHaveText('Our clinic')
  await expect(page.locator('.sheet-qr')).toHaveCount(0)
})
