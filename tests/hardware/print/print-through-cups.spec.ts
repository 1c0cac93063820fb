import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '../../e2e/fixtures'
import { requireTestServices } from '../test-services'
import { sheetTitles } from '../../e2e/sheet-titles'

/**
 * A visitor prints a sheet in a headed Chromium with --kiosk-printing, as a clinic runs the web
 * host: the browser prints silently to CUPS's default queue, a cups-pdf printer, and the PDF
 * it writes is the paper the visitor would take home.
 */
const { printer } = requireTestServices()
const sheets = sheetTitles
/** The designed page counts: the stretch rules and the full warning signs need a second page. */
const pages: Record<string, number> = { prevention: 1, stretches: 2, 'home-care': 2 }
const printedOn = { en: 'Printed on', es: 'Impreso el' }
const flat = (text: string) => text.replace(/\s+/g, ' ')
/** pdftotext breaks a line where the page wraps it, even inside a long clinic name. */
const squash = (text: string) => text.replace(/\s+/g, '')
const textOf = (file: string) =>
  flat(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', stdio: 'pipe' }))
/** A PDF cups-pdf is still writing cannot be read yet. */
const textSoFar = (file: string) => {
  try {
    return textOf(file)
  } catch {
    return ''
  }
}

/** The PDF cups-pdf wrote for this print: the new one that names this test's clinic. */
async function printedPdf(clinicName: string, since: number): Promise<string> {
  let found: string | undefined
  await expect
    .poll(
      () => {
        found = readdirSync(printer.output)
          .map((name) => join(printer.output, name))
          .filter((file) => file.endsWith('.pdf') && statSync(file).mtimeMs >= since)
          .find((file) => squash(textSoFar(file)).includes(squash(clinicName)))
        return found
      },
      { timeout: 60_000, message: `a PDF naming "${clinicName}" in ${printer.output}` },
    )
    .toBeTruthy()
  return found!
}

for (const locale of ['en', 'es'] as const) {
  for (const [id, title] of Object.entries(sheets[locale])) {
    test.describe(() => {
      const clinicName = `Riverside Family Clinic ${locale}-${id}-${process.pid}`
      test.use({ kioskSetup: { settings: { clinicName, clinicPhone: '555-0100' } } })

      test(`a visitor prints the ${id} sheet through CUPS, and it arrives whole (${locale})`, async ({
        page,
      }) => {
        const since = Date.now() - 1000
        await page.goto('/')
        if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click()
        await page.getByTestId('touch-to-start').click()
        await page.getByTestId('tile-sheets').click()
        await page.getByTestId(`print-${id}`).click()
        await page.getByTestId('print-confirm-yes').click()
        await expect(page.getByTestId('print-collect')).toBeVisible()

        const pdf = await printedPdf(clinicName, since)
        const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
        expect(info).toMatch(new RegExp(`^Pages:\\s+${pages[id]}$`, 'm'))
        const text = textOf(pdf)
        expect(text).toContain(flat(title))
        const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date())
        expect(text).toContain(`${printedOn[locale]} ${date}`)
        // Only the sheet: no browser header or footer with the page's address.
        expect(text).not.toContain('127.0.0.1')
        test
          .info()
          .annotations.push({ type: 'print time', description: `${Date.now() - since} ms` })
      })
    })
  }
}
