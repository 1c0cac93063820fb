import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { textSizes } from '../../electron/shared/settings-defaults'
import { openPage } from './browser'
import { homeScreen, sectionScreen, startButton } from './kiosk'

export type TextSize = (typeof textSizes)[number]
export { textSizes }

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** What a screen of the app is made of, as the browser holds it. */
interface CapturedScreen {
  /** Attributes of <html> (lang, data-text-size …), which the app's CSS reads. */
  rootAttributes: Record<string, string>
  /** Paths of the stylesheets the page had linked when the screen showed. */
  stylesheets: string[]
  /** The whole `#app` element. */
  appHtml: string
}

const captureScreen = (page: Page): Promise<CapturedScreen> =>
  page.evaluate(() => ({
    rootAttributes: Object.fromEntries(
      [...document.documentElement.attributes].map((a) => [a.name, a.value]),
    ),
    stylesheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
      (link) => new URL(link.href).pathname,
    ),
    appHtml: document.getElementById('app')?.outerHTML ?? '',
  }))

/**
 * The floor of the first paint (target 4 of issue 20): the start screen's text, as the
 * browser shows it before any script runs, in a page with no stylesheet and no script.
 */
export async function writePlainFloor(
  browser: Browser,
  appUrl: string,
  floorDir: string,
): Promise<void> {
  const context = await browser.newContext({ javaScriptEnabled: false })
  try {
    const page = await context.newPage()
    await page.goto(appUrl)
    const title = await page.title()
    const lines = await page.evaluate(() =>
      (document.getElementById('app')?.innerText ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    if (lines.length === 0) throw new Error('the start screen has no text before its script runs')
    const body = lines.map((line) => `    <p>${escapeHtml(line)}</p>`).join('\n')
    writeFileSync(
      join(floorDir, 'plain.html'),
      `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n` +
        `    <meta name="viewport" content="width=device-width, initial-scale=1" />\n` +
        `    <link rel="icon" href="data:," />\n    <title>${escapeHtml(title)}</title>\n` +
        `  </head>\n  <body>\n${body}\n  </body>\n</html>\n`,
    )
  } finally {
    await context.close()
  }
}

const tapFloorPage = (home: CapturedScreen, section: CapturedScreen) => {
  const attributes = Object.entries(home.rootAttributes)
    .map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`)
    .join('')
  const links = [...new Set([...home.stylesheets, ...section.stylesheets])]
    .map((href) => `    <link rel="stylesheet" href=".${href}" />`)
    .join('\n')
  return (
    `<!doctype html>\n<html${attributes}>\n  <head>\n    <meta charset="UTF-8" />\n` +
    `    <meta name="viewport" content="width=device-width, initial-scale=1" />\n` +
    `    <link rel="icon" href="data:," />\n    <title>Tap floor</title>\n${links}\n` +
    `    <script type="module" src="./swap.js"></script>\n  </head>\n  <body>\n` +
    `    ${home.appHtml}\n    <template data-screen>${section.appHtml}</template>\n` +
    `  </body>\n</html>\n`
  )
}

/** The tap floor's page for a text size, relative to the floor's root. */
export const tapFloorPath = (size: TextSize) => `taps-${size}.html`

/**
 * The floor of a tap (target 1 of issue 20): for each text size, a static page holding the
 * app's own home screen and a section's first page, exactly as the app built them at that
 * size, with the app's stylesheets; a tap swaps the two (floor/swap.js). So the floor paints
 * the same screens the app's taps lead to, and does nothing else.
 */
export async function writeTapFloors(
  browser: Browser,
  sites: { appDir: string; floorDir: string },
  appUrl: string,
  section: string,
): Promise<void> {
  const assets = join(sites.appDir, 'assets')
  mkdirSync(join(sites.floorDir, 'assets'), { recursive: true })
  for (const file of readdirSync(assets).filter((name) => !name.endsWith('.js'))) {
    copyFileSync(join(assets, file), join(sites.floorDir, 'assets', file))
  }
  const { page, close } = await openPage(browser, { touch: true })
  try {
    await page.goto(appUrl)
    await startButton(page).tap()
    await page.locator(homeScreen).first().waitFor()
    for (const size of textSizes) {
      await page.getByTestId(`text-size-${size}`).tap()
      await page.waitForFunction((s) => document.documentElement.dataset['textSize'] === s, size)
      const home = await captureScreen(page)
      await page.getByTestId(`tile-${section}`).tap()
      await page.locator(sectionScreen(section, 1)).waitFor()
      const sectionPage = await captureScreen(page)
      await page.getByTestId('nav-home').tap()
      await page.locator(homeScreen).first().waitFor()
      writeFileSync(join(sites.floorDir, tapFloorPath(size)), tapFloorPage(home, sectionPage))
    }
  } finally {
    await close()
  }
}
