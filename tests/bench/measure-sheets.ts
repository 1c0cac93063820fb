import type { Browser, Page } from '@playwright/test'
import { openPage } from './browser'
import { median, ratio, round } from './stats'

const sheetIds = ['prevention', 'stretches', 'home-care'] as const
const sheetLocales = ['en', 'es'] as const

interface SheetTiming {
  sheet: string
  locale: string
  /** From navigation to `[data-testid="print-sheet"]` showing; null when it never did. */
  renderMs: number | null
  /** page.pdf() alone. */
  pdfMs: number | null
  pdfKB: number | null
  note?: string
}

export interface SheetResult {
  app: SheetTiming[]
  floor: { pdfMs: number; pdfKB: number }
  /** Slowest sheet's page.pdf() time, null if no sheet could be printed. */
  appMaxPdfMs: number | null
  maxPdfRatio: number | null
}

const waitForSheetMs = 5_000

async function pdfTiming(page: Page): Promise<{ pdfMs: number; pdfKB: number }> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  const started = performance.now()
  const pdf = await page.pdf({ format: 'Letter', printBackground: true })
  return { pdfMs: round(performance.now() - started), pdfKB: round(pdf.length / 1000) }
}

async function sheetTiming(
  browser: Browser,
  appUrl: string,
  sheet: string,
  locale: string,
): Promise<SheetTiming> {
  const { page, close } = await openPage(browser)
  try {
    const started = performance.now()
    await page.goto(`${appUrl}#/print/${sheet}?lang=${locale}`)
    const shown = await page
      .locator('[data-testid="print-sheet"]')
      .first()
      .waitFor({ timeout: waitForSheetMs })
      .then(() => true)
      .catch(() => false)
    if (!shown) {
      return {
        sheet,
        locale,
        renderMs: null,
        pdfMs: null,
        pdfKB: null,
        note: 'print route not available',
      }
    }
    const renderMs = round(performance.now() - started)
    return { sheet, locale, renderMs, ...(await pdfTiming(page)) }
  } finally {
    await close()
  }
}

async function floorTiming(browser: Browser, floorUrl: string) {
  const { page, close } = await openPage(browser)
  try {
    await page.goto(floorUrl)
    return await pdfTiming(page)
  } finally {
    await close()
  }
}

/** page.pdf() of each printable sheet (print route), and of the floor page for comparison. */
export async function measureSheets(
  browser: Browser,
  urls: { app: string; floor: string },
): Promise<SheetResult> {
  // The floor goes first (its first run also warms up the browser's printing) and thrice.
  const floorRuns: { pdfMs: number; pdfKB: number }[] = []
  for (let i = 0; i < 3; i += 1) floorRuns.push(await floorTiming(browser, urls.floor))
  const floor = {
    pdfMs: median(floorRuns.map((run) => run.pdfMs)),
    pdfKB: floorRuns[0]?.pdfKB ?? 0,
  }
  const app: SheetTiming[] = []
  for (const sheet of sheetIds) {
    for (const locale of sheetLocales) app.push(await sheetTiming(browser, urls.app, sheet, locale))
  }
  const printed = app.map((s) => s.pdfMs).filter((ms): ms is number => ms !== null)
  const appMaxPdfMs = printed.length ? Math.max(...printed) : null
  return { app, floor, appMaxPdfMs, maxPdfRatio: ratio(appMaxPdfMs, floor.pdfMs) }
}
