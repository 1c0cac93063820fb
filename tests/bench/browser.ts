import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { chromiumLaunch } from '../../playwright.config'

/** The kiosk's screen, as in the e2e tests. */
const viewport = { width: 1920, height: 1080 }

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunch, headless: true })
}

export interface BenchPage {
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

/**
 * A page in a context of its own (nothing cached, nothing stored), optionally with a
 * touchscreen, like the kiosk's.
 */
export async function openPage(
  browser: Browser,
  options: { touch?: boolean; disableCache?: boolean } = {},
): Promise<BenchPage> {
  const context = await browser.newContext({ viewport, hasTouch: options.touch ?? false })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  if (options.disableCache) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  }
  return { context, page, close: () => context.close() }
}

/**
 * Functions sent into the page are serialised with toString(). tsx (esbuild, keepNames) wraps
 * named inner functions in a `__name()` helper that does not exist in the page, so probes are
 * written without them; this catches a probe that breaks that rule before it fails obscurely.
 */
export function pageFunction<T extends (...args: never[]) => unknown>(fn: T): T {
  if (fn.toString().includes('__name(')) {
    throw new Error(`page function ${fn.name || '(anonymous)'} uses a named inner function`)
  }
  return fn
}
