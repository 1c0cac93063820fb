import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { startVisit, visitEveryScreen } from './screens'
import { kioskRunning } from './kiosk-running'

// A tour of every screen by address, with no touch, can outlast the 90 s walk-away timeout on a
// busy 2-core machine; the reset then ends the tour. The walk-away reset has its own tests.
test.use({ kioskSetup: { settings: { idleTimeoutSeconds: 900 } } })

interface Box {
  label: string
  x: number
  y: number
  width: number
  height: number
}

/** Every visible control a finger can press, with its size and place on screen. */
async function touchTargets(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, [role="button"], input, select, textarea, [tabindex]:not([tabindex="-1"])'
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => {
        const style = getComputedStyle(el)
        const rect = el.getBoundingClientRect()
        return (
          style.visibility !== 'hidden' &&
          style.display !== 'none' &&
          rect.width > 0 &&
          rect.height > 0
        )
      })
      .map((el) => {
        const rect = el.getBoundingClientRect()
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName)
          .trim()
          .slice(0, 40)
        return { label, x: rect.x, y: rect.y, width: rect.width, height: rect.height }
      })
  })
}

function gapBetween(a: Box, b: Box): number {
  const dx = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), 0)
  const dy = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height), 0)
  return Math.max(dx, dy)
}

/** Font sizes of text a visitor reads, smaller than the floor. */
async function smallText(page: Page, floor: number): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
      )
      // Only text on screen counts: not the print-only copy, nor the hidden preview picture.
      if (!ownText || el.closest('[aria-hidden="true"]') || el.getClientRects().length === 0)
        continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < min)
        small.push(`${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}" ${size}px`)
    }
    return small
  }, floor)
}

/** Transitions longer than 200 ms make a kiosk feel slow to a person in pain. */
async function slowTransitions(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('*')]
      .map((el) => ({
        el,
        longest: Math.max(
          ...getComputedStyle(el)
            .transitionDuration.split(',')
            .map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)),
        ),
      }))
      .filter(({ longest }) => longest > 200)
      .map(({ el, longest }) => `${el.tagName.toLowerCase()}.${el.className} ${longest}ms`),
  )
}

// The smallest supported screen too: its tighter layout keeps the same rules.
for (const [orientation, viewport] of Object.entries({
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
  'small landscape': { width: 1366, height: 768 },
})) {
  test(`every control is at least 64 px and 8 px apart, body text at least 24 px (${orientation})`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await page.setViewportSize(viewport)
    const problems: string[] = []
    const check = async (name: string) => {
      const targets = await touchTargets(page)
      for (const t of targets) {
        if (Math.min(t.width, t.height) < 64)
          problems.push(`${name}: "${t.label}" is ${Math.round(t.width)}x${Math.round(t.height)}`)
      }
      for (let i = 0; i < targets.length; i += 1)
        for (let j = i + 1; j < targets.length; j += 1) {
          const [a, b] = [targets[i]!, targets[j]!]
          const nested = gapBetween(a, b) === 0 && a.x <= b.x && a.x + a.width >= b.x + b.width
          if (!nested && gapBetween(a, b) < 8)
            problems.push(`${name}: "${a.label}" and "${b.label}" are ${gapBetween(a, b)} px apart`)
        }
      for (const text of await smallText(page, 24)) problems.push(`${name}: small text ${text}`)
      for (const slow of await slowTransitions(page))
        problems.push(`${name}: slow transition ${slow}`)
    }
    await page.goto('/')
    await check('start')
    await startVisit(page, { locale: 'en' })
    await visitEveryScreen(page, ({ name }) => check(name))
    expect(problems).toEqual([])
  })
}

test('the page cannot be selected, zoomed, dragged or bounced', async ({ page }) => {
  await page.goto('/')
  const style = await page.evaluate(() => {
    const body = getComputedStyle(document.body)
    const html = getComputedStyle(document.documentElement)
    return {
      userSelect: body.userSelect,
      callout: body.getPropertyValue('-webkit-touch-callout'),
      overscroll: html.overscrollBehaviorY,
      touchAction: body.touchAction,
    }
  })
  expect(style.userSelect).toBe('none')
  expect(style.overscroll).toBe('none')
  // Panning only: Chromium then ignores pinch-zoom gestures (Electron also locks zoom to 1).
  expect(style.touchAction).toBe('pan-x pan-y')
  const draggable = await page
    .locator('img')
    .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('draggable')))
  expect(draggable.every((d) => d === 'false')).toBe(true)
})

test('a pressed tile or button shows it at once', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('touch-to-start').click()
  const tile = page.getByTestId('tile-what-is')
  const background = () => tile.evaluate((el) => getComputedStyle(el).backgroundColor)
  const before = await background()
  const box = (await tile.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  expect(await background()).not.toBe(before)
  await page.mouse.up()
})

test('the start screen animates gently, and not at all for reduced motion', async ({ page }) => {
  await page.goto('/')
  // toHaveCSS retries: the pre-rendered button is replaced when the app mounts over it.
  const cta = page.locator('.start-cta')
  await expect(cta).toHaveCSS('animation-name', 'breathe')
  await kioskRunning(page)
  await expect(cta).toHaveCSS('animation-name', 'breathe')
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await expect(cta).toHaveCSS('animation-name', 'none')
})

test('a visitor can use the kiosk with a keyboard alone', async ({ page }) => {
  await page.goto('/')
  await kioskRunning(page)
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('touch-to-start')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a topic' })).toBeVisible()
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab')
    if (
      (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) ===
      'tile-get-help'
    )
      break
  }
  await expect(page.getByTestId('tile-get-help')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'When to get help' })).toBeVisible()
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab')
    if (
      (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) ===
      'page-next'
    )
      break
  }
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('page-progress')).toHaveText(/^Page 2 of/)
})
