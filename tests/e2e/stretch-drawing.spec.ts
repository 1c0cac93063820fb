import { expect, test } from './fixtures'
import { goTo, startVisit } from './screens'

/**
 * A visitor does a stretch a step back from the screen: the drawing of the position must be
 * large enough to see from about 1 m. At least 300 CSS px tall, which is 8 cm on a 24-inch
 * 1080p screen (0.28 mm a pixel) and about 12 cm on a 32-inch one, on either orientation.
 */
for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test(`each stretch's drawing is at least 300 px tall on ${viewport.width}x${viewport.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    await startVisit(page, { locale: 'en' })
    await goTo(page, '#/stretches')
    await expect(page.locator('[data-testid^="stretch-tile-"]').first()).toBeVisible()
    const ids = await page
      .locator('[data-testid^="stretch-tile-"]')
      .evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-testid')!.slice(13)))
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) {
      await goTo(page, `#/stretches/${id}`)
      await expect(page.locator(`[data-stretch="${id}"]`)).toBeVisible()
      const drawing = page.locator('.guided-drawing')
      await expect(drawing).toBeVisible()
      const box = (await drawing.boundingBox())!
      expect(box.height, id).toBeGreaterThanOrEqual(300)
      expect(box.y + box.height, `${id} is on screen`).toBeLessThanOrEqual(viewport.height)
    }
  })
}
