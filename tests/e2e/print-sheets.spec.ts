import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { defaultSettings } from '../../electron/shared/settings-defaults'
import { settingsSchema } from '../../electron/shared/settings-schema'
import { longestLengths, longestSettings } from './longest-settings'
import { sheetTitles } from './sheet-titles'

/** The longest clinic details the schema allows: every sheet must still fit its pages whole. */
const clinic = longestSettings
const sheets = sheetTitles
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
          // Each page must fit the printable height itself, not be clipped into it, and nothing
          // may stick out at the side (a long name or address wraps instead).
          const heights = await page
            .locator('.sheet-page')
            .evaluateAll((pages) => pages.map((el) => el.scrollHeight))
          expect(heights.length).toBe(expectedPages[id])
          for (const height of heights) expect(height).toBeLessThanOrEqual(10 * 96)
          const sticking = await page.locator('.print-sheet').evaluate((sheet) => {
            const edge = sheet.getBoundingClientRect().right + 0.5
            return [...sheet.querySelectorAll('*')]
              .filter((el) => el.getBoundingClientRect().right > edge)
              .map((el) => `${el.tagName} ${el.textContent?.slice(0, 40)}`)
          })
          expect(sticking).toEqual([])

          const file = join(folder, `${id}-${locale}-${paper}.pdf`)
          await page.pdf({ path: file, format: paper, printBackground: true })
          const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
          expect(info).toMatch(new RegExp(`^Pages:\\s+${expectedPages[id]}$`, 'm'))
          expect(info).toMatch(
            paper === 'Letter'
              ? /612 x 792 pts/
              : /595(\.\d+)? x 842(\.\d+)? pts|595(\.\d+)? x 841(\.\d+)? pts/,
          )
          // The bundled typeface is what the paper gets, not whatever this computer has.
          expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(
            /AtkinsonHyperlegible/,
          )
          const text = flat(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }))
          expect(text).toContain(clinic.clinicName)
          expect(text).toContain(clinic.clinicPhone)
          expect(text).toContain(flat(title))
          expect(text).toContain(printedOn[locale]())
          expect(text).toContain(disclaimer[locale])
          // pdftotext breaks a long address where the page wraps it.
          expect(text.replace(/ /g, '')).toContain(clinic.clinicWebsite)
        })
      }
    }
  })
}

test('the clinic details used here are the longest the settings allow', () => {
  for (const [field, length] of Object.entries(longestLengths)) {
    const value = longestSettings[field as keyof typeof longestSettings]
    expect(value).toHaveLength(length)
    expect(settingsSchema.safeParse({ ...defaultSettings, [field]: value }).success).toBe(true)
    const longer = field === 'clinicWebsite' ? `${value}x` : `${value}9`
    expect(settingsSchema.safeParse({ ...defaultSettings, [field]: longer }).success).toBe(false)
  }
})

test('a sheet shows the clinic defaults when staff have not set any details', async ({ page }) => {
  await page.goto('/#/print/prevention?lang=en')
  await page.waitForFunction(() => document.title.startsWith('print-ready'))
  await expect(page.getByTestId('sheet-clinic-name')).toHaveText('Our clinic')
  await expect(page.locator('.sheet-qr')).toHaveCount(0)
})
