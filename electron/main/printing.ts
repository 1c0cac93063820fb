import { join } from 'node:path'
import { BrowserWindow, type WebContentsPrintOptions } from 'electron'
import { writeFileAtomic } from '../services/atomic-file'
import type { PrintFailureReason, PrintResult } from '../shared/contract'
import type { Logger } from '../shared/logger'
import { kioskWindowOptions } from './window'

export interface PrintJob {
  /** The sheet's print route, e.g. app://kiosk/index.html#/print/prevention?lang=en */
  url: string
  /** The system name from getPrintersAsync(); empty when staff have not chosen one. */
  printerName: string
  pageSize: 'Letter' | 'A4'
  /** Where a PDF copy goes when there is no printer or it fails; empty for none. */
  pdfFolder: string
  pdfFileName: string
  preloadPath: string
  isAppUrl: (url: string) => boolean
  log: Logger
  loadTimeoutMs?: number
  printTimeoutMs?: number
}

const failure = (reason: PrintFailureReason, savedTo?: string): PrintResult => ({
  ok: false,
  reason,
  ...(savedTo ? { savedTo } : {}),
})

/**
 * The reasons Electron 45 gives the print callback, as the codes the visitor's screen words:
 * "Invalid deviceName provided" (shell/browser/printing/printing_utils.cc) means the printer
 * is not there; "Print job canceled", "Print job failed" and "Invalid printer settings"
 * (patches/chromium/printing.patch) are the printer's failures, like anything else.
 */
function reasonForPrintFailure(failureReason: string): PrintFailureReason {
  return failureReason === 'Invalid deviceName provided' ? 'printer-not-found' : 'printer-failed'
}

/** The print route sets this title once the sheet is drawn, so nothing half-drawn is printed. */
function whenPrintReady(win: BrowserWindow, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    win.webContents.on('page-title-updated', (_event, title) => {
      if (!title.startsWith('print-ready')) return
      clearTimeout(timer)
      resolve(true)
    })
  })
}

function printSilently(
  win: BrowserWindow,
  job: PrintJob,
): Promise<{ success: boolean; failureReason: string } | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), job.printTimeoutMs ?? 60_000)
    // webContents.print reads "shouldPrintBackgrounds", whatever the docs call it
    // (shell/browser/api/electron_api_web_contents.cc); printBackground is kept for the docs.
    const options: WebContentsPrintOptions & { shouldPrintBackgrounds: boolean } = {
      silent: true,
      deviceName: job.printerName,
      pageSize: job.pageSize,
      printBackground: true,
      shouldPrintBackgrounds: true,
    }
    win.webContents.print(options, (success, failureReason) => {
      clearTimeout(timer)
      resolve({ success, failureReason })
    })
  })
}

/** Saves the sheet as a PDF in the staff-chosen folder; returns its path, or null. */
async function savePdf(win: BrowserWindow, job: PrintJob): Promise<string | null> {
  if (!job.pdfFolder) return null
  try {
    const pdf = await win.webContents.printToPDF({
      pageSize: job.pageSize,
      printBackground: true,
      preferCSSPageSize: true,
    })
    const path = join(job.pdfFolder, job.pdfFileName)
    await writeFileAtomic(path, pdf)
    job.log.info(`printing: saved a PDF copy to ${path}`)
    return path
  } catch (error) {
    job.log.error(`printing: could not save a PDF in ${job.pdfFolder}: ${String(error)}`)
    return null
  }
}

/**
 * Prints one sheet from a hidden window on the staff-chosen printer. When there is no
 * printer, or it fails, a PDF copy is saved to the staff-chosen folder if there is one.
 */
export async function printSheetInHiddenWindow(job: PrintJob): Promise<PrintResult> {
  const { webPreferences } = kioskWindowOptions(job.preloadPath, true)
  const win = new BrowserWindow({ show: false, webPreferences })
  win.webContents.on('will-navigate', (event) => {
    if (!job.isAppUrl(event.url)) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  try {
    const ready = whenPrintReady(win, job.loadTimeoutMs ?? 15_000)
    // loadURL rejects when the load fails (did-fail-load): that sheet cannot be printed either.
    const loaded = await win.loadURL(job.url).then(
      () => true,
      (error: unknown) => {
        job.log.error(`printing: ${job.url} did not load: ${String(error)}`)
        return false
      },
    )
    if (!loaded || !(await ready)) {
      job.log.error(`printing: ${job.url} never became ready`)
      return failure('not-ready')
    }
    if (!job.printerName) {
      const savedTo = await savePdf(win, job)
      return savedTo ? { ok: true, via: 'pdf', savedTo } : failure('no-printer')
    }
    const printers = await win.webContents.getPrintersAsync()
    if (!printers.some((printer) => printer.name === job.printerName)) {
      job.log.warn(`printing: printer "${job.printerName}" is not installed`)
      return failure('printer-not-found', (await savePdf(win, job)) ?? undefined)
    }
    const outcome = await printSilently(win, job)
    if (outcome === 'timeout') {
      job.log.warn(`printing: "${job.printerName}" did not answer in time`)
      return failure('timeout', (await savePdf(win, job)) ?? undefined)
    }
    if (!outcome.success) {
      job.log.warn(`printing: "${job.printerName}" failed: ${outcome.failureReason}`)
      return failure(
        reasonForPrintFailure(outcome.failureReason),
        (await savePdf(win, job)) ?? undefined,
      )
    }
    job.log.info(`printing: sent ${job.url} to "${job.printerName}"`)
    return { ok: true, via: 'printer' }
  } finally {
    win.destroy()
  }
}
