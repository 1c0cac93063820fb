import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { startVisit } from './screens'

/**
 * Home is where a visitor chooses: at normal text size every tile is on the one screen, in
 * either orientation and on the smallest supported screen, with "When to get help" first and
 * largest. Larger text needs more room, so the tiles reflow into fewer columns and a "More
 * below" cue says there is more.
 */
const screens = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
  small: { width: 1366, height: 768 },
}

interface Tile {
  id: string
  left: number
  top: number
  right: number
  bottom: number
  area: number
}

function tilesOf(page: Page): Promise<Tile[]> {
  return page.locator('.home-tiles .tile').evaluateAll((tiles) =>
    tiles.map((tile) => {
      const r = tile.getBoundingClientRect()
      return {
        id: tile.getAttribute('data-testid')!.replace('tile-', ''),
        left: Math.round(r.left),
        top: Math.round(r.top),
        right: Math.round(r.right),
        bottom: Math.round(r.bottom),
        area: r.width * r.height,
      }
    }),
  )
}

/** How many tiles stand side by side in the top row below the first. */
const columns = (tiles: Tile[]) => {
  const rowTop = tiles[1]!.top
  return tiles.filter((tile) => tile.top === rowTop).length
}

for (const [orientation, viewport] of Object.entries(screens)) {
  test(`at normal size every tile is on one ${orientation} screen, "When to get help" first and largest`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    await startVisit(page, { locale: 'en' })
    await page.waitForFunction(() => document.fonts.status === 'loaded')
    const tiles = await tilesOf(page)
    expect(tiles).toHaveLength(13)
    expect(tiles[0]!.id).toBe('get-help')
    for (const tile of tiles) {
      expect(tile.top, tile.id).toBeGreaterThanOrEqual(0)
      expect(tile.bottom, tile.id).toBeLessThanOrEqual(viewport.height)
      expect(tile.right, tile.id).toBeLessThanOrEqual(viewport.width)
    }
    const others = tiles.slice(1).map((tile) => tile.area)
    expect(tiles[0]!.area).toBeGreaterThan(2 * Math.max(...others))
    await expect(page.getByTestId('more-cue')).toHaveCount(0)
    await expect(page.getByTestId('tile-get-help')).toContainText('When to get help')
  })

  test(`at Large and Largest the tiles reflow on a ${orientation} screen and a cue shows there is more`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    await startVisit(page, { locale: 'en' })
    await page.waitForFunction(() => document.fonts.status === 'loaded')
    const normal = columns(await tilesOf(page))
    for (const size of ['large', 'larger'] as const) {
      await page.getByTestId(`text-size-${size}`).click()
      await expect(page.locator('html')).toHaveAttribute('data-text-size', size)
      const tiles = await tilesOf(page)
      expect(tiles[0]!.id).toBe('get-help')
      expect(columns(tiles), size).toBeLessThan(normal)
      // Larger tiles no longer all fit: the ones below are a touch away, and the cue says so.
      const below = tiles.filter((tile) => tile.bottom > viewport.height)
      expect(below.length, size).toBeGreaterThan(0)
      const cue = page.getByTestId('more-cue')
      await expect(cue, size).toBeVisible()
      await expect(cue).toHaveText(/More below/)
      const cueBox = (await cue.boundingBox())!
      expect(cueBox.y + cueBox.height).toBeLessThanOrEqual(viewport.height)
      await cue.click()
      await expect
        .poll(() => page.locator('.home .scroll-area').evaluate((el) => el.scrollTop), size)
        .toBeGreaterThan(0)
      await page.locator('.home .scroll-area').evaluate((el) => el.scrollTo({ top: 0 }))
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
        viewport.height,
      )
    }
  })
}
