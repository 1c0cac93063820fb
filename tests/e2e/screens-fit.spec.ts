import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { kioskRunning } from './kiosk-running'
import { goTo } from './screens'

/**
 * A visitor in pain does not scroll to look for a button. On every visitor screen, the start
 * screen included, at each text size on the smallest supported screen and on both orientations
 * of a 1080p one: the page itself never scrolls, every control is inside the window (or, at
 * larger text, in a region that scrolls by itself and shows its "more below" cue), and Previous
 * and Next stay in one place.
 */
const screens = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
  small: { width: 1366, height: 768 },
}
const textSizes = ['normal', 'large', 'larger'] as const

interface Fit {
  problems: string[]
  /** Where each element with a test id was on screen. */
  places: Record<string, { x: number; y: number; width: number; height: number }>
}

/**
 * What on this screen does not fit, measured in the page. `strict`: nothing may need a scroll
 * region at all (normal text, on every screen). Otherwise a region may scroll, with its cue,
 * except a topic page of more than one block: pages are made to fit, and only one block alone
 * taller than the room may scroll.
 */
function measure(page: Page, strict: boolean): Promise<Fit> {
  return page.evaluate((strict) => {
    const problems: string[] = []
    for (const region of document.querySelectorAll<HTMLElement>('[data-scroll-area]')) {
      if (region.scrollHeight <= region.clientHeight + 1) continue
      const blocks = region.querySelector('.document-page')?.children.length ?? 0
      if (strict)
        problems.push(`a scroll region needs ${region.scrollHeight - region.clientHeight} px more`)
      else if (blocks > 1) problems.push(`a page of ${blocks} blocks does not fit its room`)
    }
    const root = document.scrollingElement ?? document.documentElement
    if (root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1)
      problems.push(`the page scrolls: ${root.scrollWidth}x${root.scrollHeight}`)
    const shown = (el: Element) => {
      const style = getComputedStyle(el)
      return style.visibility !== 'hidden' && el.getClientRects().length > 0
    }
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const { overflowY, overflowX } = getComputedStyle(el)
      const scrolls =
        (/auto|scroll/.test(overflowY) && el.scrollHeight > el.clientHeight + 1) ||
        (/auto|scroll/.test(overflowX) && el.scrollWidth > el.clientWidth + 1)
      if (scrolls && !el.hasAttribute('data-scroll-area'))
        problems.push(`${el.tagName.toLowerCase()}.${el.className} scrolls`)
    }
    const controls = 'a[href], button, [role="button"], input, select, textarea'
    const places: Fit['places'] = {}
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid]')) {
      const { x, y, width, height } = el.getBoundingClientRect()
      if (shown(el)) places[el.dataset['testid']!] = { x, y, width, height }
    }
    for (const el of document.querySelectorAll<HTMLElement>(controls)) {
      if (!shown(el) || el.closest('[aria-hidden="true"], .print-area')) continue
      const r = el.getBoundingClientRect()
      const name = el.dataset['testid'] ?? el.textContent?.trim().slice(0, 30) ?? el.tagName
      const inWindow =
        r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1
      const region = el.closest('[data-scroll-area]')
      if (region) {
        const area = region.getBoundingClientRect()
        const inArea = r.top >= area.top - 1 && r.bottom <= area.bottom + 1
        const cue = region.parentElement?.querySelector('[data-testid="more-cue"]')
        if (!inArea && !(cue && shown(cue)))
          problems.push(`"${name}" is scrolled out of sight with no cue that there is more`)
        continue
      }
      if (!inWindow)
        problems.push(`"${name}" is outside the window at ${Math.round(r.x)},${Math.round(r.y)}`)
    }
    for (const cue of document.querySelectorAll('[data-testid="more-cue"]')) {
      const r = cue.getBoundingClientRect()
      if (r.bottom > innerHeight + 1) problems.push('the "more below" cue is outside the window')
    }
    return { problems, places }
  }, strict)
}

/** Taps a control. */
async function tap(page: Page, testId: string) {
  await page.getByTestId(testId).click()
}

/** Opens a screen and waits until its typeface and drawings are in, so it is measured as shown. */
async function open(page: Page, hash: string, shown: string) {
  await goTo(page, hash)
  // The old screen's heading may still be up while the new screen's code arrives.
  await expect(page.locator(shown).first()).toBeVisible()
  await page.waitForFunction(
    () =>
      document.fonts.status === 'loaded' && [...document.images].every((image) => image.complete),
  )
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  )
}

for (const [screen, viewport] of Object.entries(screens)) {
  for (const textSize of textSizes) {
    test.describe(`${textSize} text`, () => {
      // The clinic's default size, so the start screen is shown at it too.
      test.use({ kioskSetup: { settings: { defaultTextSize: textSize } } })
      test(`every visitor screen fits a ${screen} ${viewport.width}x${viewport.height} screen at ${textSize} text`, async ({
        page,
      }) => {
        test.setTimeout(180_000)
        await page.setViewportSize(viewport)
        await page.emulateMedia({ reducedMotion: 'reduce' })
        const problems: string[] = []
        const fixed = new Map<string, { place: string; where: string }>()
        /** Buttons to the pixel; "Page 2 of 4" by its middle, since its digits differ in width. */
        const placeOf = (id: string, r: Fit['places'][string]) =>
          id === 'page-progress'
            ? `middle ${Math.round(r.x + r.width / 2)},${Math.round(r.y)}`
            : [r.x, r.y, r.width, r.height].map(Math.round).join()
        /** Controls that must not move from screen to screen of one kind. */
        const strict = textSize === 'normal'
        const check = async (where: string, keep: string[] = []) => {
          const fit = await measure(page, strict)
          problems.push(...fit.problems.map((p) => `${where}: ${p}`))
          for (const id of keep) {
            const box = fit.places[id]
            if (!box) {
              problems.push(`${where}: no ${id}`)
              continue
            }
            const place = placeOf(id, box)
            const first = fixed.get(id)
            if (!first) fixed.set(id, { place, where })
            else if (first.place !== place)
              problems.push(`${where}: ${id} is at ${place}, on ${first.where} at ${first.place}`)
          }
        }

        await page.goto('/')
        await kioskRunning(page)
        await expect(page.locator('html')).toHaveAttribute('data-text-size', textSize)
        await page.waitForFunction(() => document.fonts.status === 'loaded')
        await check('start')
        await tap(page, 'touch-to-start')
        await expect(page.locator('main h1')).toBeVisible()
        await expect(page.getByTestId(`text-size-${textSize}`)).toHaveAttribute(
          'aria-pressed',
          'true',
        )

        await open(page, '#/home', '.home-tiles')
        await check('home')

        const sections = await page
          .locator('[data-testid^="tile-"]')
          .evaluateAll((tiles) =>
            tiles
              .map((tile) => tile.getAttribute('data-testid')!.replace('tile-', ''))
              .filter((id) => !['sheets', 'stretches', 'about'].includes(id)),
          )
        const documents = [...sections.map((id) => [`#/section/${id}`, id]), ['#/about', 'about']]
        for (const [hash, id] of documents) {
          await open(page, hash!, `[data-section="${id}"] [data-testid="page-progress"]`)
          const progress = page.getByTestId('page-progress')
          const pages = Number((await progress.textContent())?.match(/of (\d+)/)?.[1])
          for (let n = 1; n <= pages; n += 1) {
            if (n > 1) {
              await tap(page, 'page-next')
              await expect(progress).toHaveText(`Page ${n} of ${pages}`)
            }
            await check(`${hash} page ${n}`, ['page-previous', 'page-next', 'page-progress'])
          }
        }

        await open(page, '#/stretches', '.stretch-tiles')
        await check('stretches')
        const stretches = await page
          .locator('[data-testid^="stretch-tile-"]')
          .evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-testid')!.slice(13)))
        for (const id of stretches) {
          await open(page, `#/stretches/${id}`, `[data-stretch="${id}"]`)
          await check(`stretch ${id}`, ['stretch-all', 'stretch-action'])
        }

        await open(page, '#/sheets', '.sheet-cards')
        await check('sheets')
        await tap(page, 'print-home-care')
        await check('print confirm')
        await tap(page, 'print-confirm-yes')
        await expect(page.getByTestId('print-progress')).toHaveAttribute('data-step', 'done')
        await check('print done')
        await tap(page, 'print-finish')

        await open(page, '#/help-check', '[data-testid="help-check-start"]')
        await check('help check intro')
        await tap(page, 'help-check-start')
        await check('help check question 1', [
          'help-check-yes',
          'help-check-no',
          'help-check-unsure',
        ])
        // Question 4 is a private one, with a note under it: the answers must not move.
        for (let n = 2; n <= 4; n += 1) {
          await tap(page, 'help-check-no')
          await expect(page.getByTestId('help-check-progress')).toHaveText(
            new RegExp(`^Question ${n} `),
          )
        }
        await check('help check question 4', [
          'help-check-yes',
          'help-check-no',
          'help-check-unsure',
        ])
        await tap(page, 'help-check-yes')
        await expect(page.getByTestId('help-check-outcome')).toBeVisible()
        await check('help check outcome')

        expect(problems).toEqual([])
      })
    })
  }
}
