import { expect, test } from './fixtures'
import { startVisit } from './screens'

/**
 * Before printing, the visitor sees the sheet large enough to read its title and first lines,
 * and both answers on screen, on every supported screen at every text size.
 */
const screens = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1366, height: 768 },
]

for (const viewport of screens) {
  test(`the print preview is legible and both answers are on a ${viewport.width}x${viewport.height} screen`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    await startVisit(page, { locale: 'en' })
    await page.getByTestId('tile-sheets').click()
    for (const size of ['normal', 'large', 'larger'] as const) {
      await page.getByTestId(`text-size-${size}`).click()
      await page.getByTestId('print-prevention').click()
      const confirm = page.getByTestId('print-confirm')
      await expect(confirm).toBeVisible()
      const preview = confirm.getByTestId('sheet-preview')
      const seen = await preview.evaluate((box) => {
        const shown = box.getBoundingClientRect()
        /** Text height on screen, in CSS px: its font size times the preview's scale. */
        const onScreen = (selector: string) => {
          const el = box.querySelector<HTMLElement>(selector)!
          const r = el.getBoundingClientRect()
          const scale = r.width / el.offsetWidth
          return {
            px: parseFloat(getComputedStyle(el).fontSize) * scale,
            inside: r.top >= shown.top && r.top + 40 <= shown.bottom,
          }
        }
        return {
          title: onScreen('.sheet-title'),
          firstLine: onScreen('.sheet-page p:not(.sheet-clinic-name):not(.sheet-clinic-phone)'),
        }
      })
      // At least the printed sizes, read at arm's length: 12 pt (16 px) text, an 18 pt title.
      expect(seen.title.px, size).toBeGreaterThanOrEqual(24)
      expect(seen.title.inside, size).toBe(true)
      expect(seen.firstLine.px, size).toBeGreaterThanOrEqual(16)
      expect(seen.firstLine.inside, size).toBe(true)
      for (const id of ['print-confirm-yes', 'print-cancel']) {
        const box = (await page.getByTestId(id).boundingBox())!
        expect(box.y + box.height, `${id} at ${size}`).toBeLessThanOrEqual(viewport.height)
        expect(box.x + box.width, `${id} at ${size}`).toBeLessThanOrEqual(viewport.width)
      }
      await page.getByTestId('print-cancel').click()
      await expect(confirm).toHaveCount(0)
    }
  })
}
