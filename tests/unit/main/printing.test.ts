import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, FakeWebContents, protocol, resetFakeElectron } from '../../mocks/electron'
import { printSheetInHiddenWindow, type PrintJob } from '../../../electron/main/printing'
import { memoryLogger } from './test-logger'

vi.mock('electron', () => import('../../mocks/electron'))

const url = 'app://kiosk/index.html#/print/prevention?lang=en'
let folder: string

function job(overrides: Partial<PrintJob> = {}): PrintJob {
  return {
    url,
    printerName: 'Front Desk HP',
    pageSize: 'A4',
    pdfFolder: '',
    pdfFileName: 'prevention-en.pdf',
    preloadPath: '/app/out/preload/index.cjs',
    isAppUrl: (target) => target.startsWith('app://kiosk/'),
    log: memoryLogger(),
    loadTimeoutMs: 1_000,
    printTimeoutMs: 5_000,
    ...overrides,
  }
}

const printWindow = () => BrowserWindow.created[0]!

beforeEach(async () => {
  resetFakeElectron()
  protocol.handlers.set('app', () => new Response('the sheet'))
  FakeWebContents.titleAfterLoad = 'print-ready: Preventing back spasms'
  FakeWebContents.printers = [
    { name: 'Office Laser', displayName: 'Office Laser' },
    { name: 'Front Desk HP', displayName: 'Front Desk HP' },
  ]
  folder = await mkdtemp(join(tmpdir(), 'kiosk-pdf-'))
})
afterEach(async () => {
  vi.useRealTimers()
  await rm(folder, { recursive: true, force: true })
})

describe('printing a sheet', () => {
  it('prints silently on the printer staff chose, with the paper size, from a hidden locked-down window', async () => {
    const result = await printSheetInHiddenWindow(job())
    expect(result).toEqual({ ok: true, via: 'printer' })
    const win = printWindow()
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    })
    expect(win.webContents.loadedUrls).toEqual([url])
    // Electron's print() reads shouldPrintBackgrounds (electron_api_web_contents.cc); the
    // documented printBackground alone would print the sheet's boxes without their shading.
    expect(win.webContents.printCalls).toEqual([
      {
        silent: true,
        deviceName: 'Front Desk HP',
        pageSize: 'A4',
        printBackground: true,
        shouldPrintBackgrounds: true,
      },
    ])
    expect(win.destroyed).toBe(true)
  })

  it('passes Letter when that is the paper size', async () => {
    await printSheetInHiddenWindow(job({ pageSize: 'Letter' }))
    expect(printWindow().webContents.printCalls[0]).toMatchObject({ pageSize: 'Letter' })
  })

  it('says the printer cannot be found when it is not installed', async () => {
    const log = memoryLogger()
    const result = await printSheetInHiddenWindow(job({ printerName: 'Gone Printer', log }))
    expect(result).toEqual({ ok: false, reason: 'printer-not-found' })
    expect(log.lines).toContain('warn: printing: printer "Gone Printer" is not installed')
    expect(printWindow().webContents.printCalls).toEqual([])
  })

  // The strings Electron 45 sends: shell/browser/printing/printing_utils.cc and
  // patches/chromium/printing.patch (PrintReasonFromPrintStatus).
  it.each([
    ['Invalid deviceName provided', 'printer-not-found'],
    ['Print job canceled', 'printer-failed'],
    ['Print job failed', 'printer-failed'],
    ['Invalid printer settings', 'printer-failed'],
    ['Failed to enumerate printers', 'printer-failed'],
  ])('maps the printer failure "%s" to the code %s', async (failureReason, reason) => {
    FakeWebContents.printBehaviour = (callback) => callback(false, failureReason)
    const result = await printSheetInHiddenWindow(job())
    // A code only: the visitor's screen puts it into words in the visitor's language.
    expect(result).toEqual({ ok: false, reason })
    expect(printWindow().destroyed).toBe(true)
  })

  it('gives up when the printer does not answer in time', async () => {
    vi.useFakeTimers()
    FakeWebContents.printBehaviour = () => undefined
    const pending = printSheetInHiddenWindow(job({ printTimeoutMs: 30_000 }))
    await vi.advanceTimersByTimeAsync(29_000)
    expect(printWindow().destroyed).toBe(false)
    await vi.advanceTimersByTimeAsync(1_000)
    const result = await pending
    expect(result).toEqual({ ok: false, reason: 'timeout' })
    expect(printWindow().destroyed).toBe(true)
  })

  it('does not print a page that never finished drawing', async () => {
    FakeWebContents.titleAfterLoad = null
    const result = await printSheetInHiddenWindow(job({ loadTimeoutMs: 50 }))
    expect(result).toMatchObject({ ok: false, reason: 'not-ready' })
    expect(printWindow().webContents.printCalls).toEqual([])
  })

  it('gives the not-ready failure when the sheet does not load (loadURL rejects), and closes the window', async () => {
    const log = memoryLogger()
    FakeWebContents.loadFailure = () => ({ errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND' })
    const result = await printSheetInHiddenWindow(job({ log }))
    expect(result).toEqual({ ok: false, reason: 'not-ready' })
    expect(printWindow().webContents.printCalls).toEqual([])
    expect(printWindow().destroyed).toBe(true)
    expect(log.lines.join('\n')).toContain(
      `did not load: Error: ERR_FILE_NOT_FOUND (-6) loading '${url}'`,
    )
  })

  it('says so when no printer is set up and there is no PDF folder', async () => {
    const result = await printSheetInHiddenWindow(job({ printerName: '' }))
    expect(result).toMatchObject({ ok: false, reason: 'no-printer' })
  })

  it('saves the sheet as a PDF in the staff folder when no printer is set up', async () => {
    const result = await printSheetInHiddenWindow(
      job({ printerName: '', pdfFolder: folder, pageSize: 'Letter' }),
    )
    const savedTo = join(folder, 'prevention-en.pdf')
    expect(result).toEqual({ ok: true, via: 'pdf', savedTo })
    expect(await readFile(savedTo, 'utf8')).toMatch(/^%PDF/)
    expect(printWindow().webContents.pdfCalls[0]).toMatchObject({
      pageSize: 'Letter',
      printBackground: true,
    })
  })

  it('keeps a PDF copy when the printer fails, and still tells the visitor it failed', async () => {
    FakeWebContents.printBehaviour = (callback) => callback(false, 'Print job failed')
    const result = await printSheetInHiddenWindow(job({ pdfFolder: folder }))
    expect(result).toMatchObject({
      ok: false,
      reason: 'printer-failed',
      savedTo: join(folder, 'prevention-en.pdf'),
    })
  })

  it('reports a PDF folder it cannot write to, and loses nothing else', async () => {
    const log = memoryLogger()
    // A file where the folder should be: the folder cannot be made.
    await writeFile(join(folder, 'blocked'), 'not a folder')
    const result = await printSheetInHiddenWindow(
      job({ printerName: '', pdfFolder: join(folder, 'blocked', 'pdfs'), log }),
    )
    expect(result).toMatchObject({ ok: false, reason: 'no-printer' })
    expect(log.lines.join('\n')).toMatch(/could not save a PDF/)
  })

  it('keeps the hidden window on the app pages and denies pop-ups', async () => {
    await printSheetInHiddenWindow(job())
    const contents = printWindow().webContents
    expect(contents.navigate('will-navigate', 'https://example.com/').defaultPrevented).toBe(true)
    expect(contents.navigate('will-navigate', url).defaultPrevented).toBe(false)
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
  })
})
