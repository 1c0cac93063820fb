import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, FakeWebContents, resetFakeElectron } from '../../mocks/electron'
import { printSheetInHiddenWindow, type PrintJob } from '../../../electron/main/printing'
import { memoryLogger } from './test-logger'

vi.mock('electron', () => import('../../mocks/electron'))

const url = 'file:///app/out/renderer/index.html#/print/prevention?lang=en'
let folder: string

function job(overrides: Partial<PrintJob> = {}): PrintJob {
  return {
    url,
    printerName: 'Front Desk HP',
    pageSize: 'A4',
    pdfFolder: '',
    pdfFileName: 'prevention-en.pdf',
    preloadPath: '/app/out/preload/index.cjs',
    isAppUrl: (target) => target.startsWith('file:///app/out/renderer/'),
    log: memoryLogger(),
    loadTimeoutMs: 1_000,
    printTimeoutMs: 5_000,
    ...overrides,
  }
}

const printWindow = () => BrowserWindow.created[0]!

beforeEach(async () => {
  resetFakeElectron()
  FakeWebContents.titleAfterLoad = 'print-ready: Preventing back spasms'
  FakeWebContents.printers = [
    { name: 'Office Laser', displayName: 'Office Laser', isDefault: true },
    { name: 'Front Desk HP', displayName: 'Front Desk HP', isDefault: false },
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
    expect(win.webContents.printCalls).toEqual([
      { silent: true, deviceName: 'Front Desk HP', pageSize: 'A4', printBackground: true },
    ])
    expect(win.destroyed).toBe(true)
  })

  it('passes Letter when that is the paper size', async () => {
    await printSheetInHiddenWindow(job({ pageSize: 'Letter' }))
    expect(printWindow().webContents.printCalls[0]).toMatchObject({ pageSize: 'Letter' })
  })

  it('says the printer cannot be found when it is not installed', async () => {
    const result = await printSheetInHiddenWindow(job({ printerName: 'Gone Printer' }))
    expect(result).toMatchObject({ ok: false, reason: 'printer-not-found' })
    expect(result.ok === false && result.message).toMatch(/cannot be found/)
    expect(printWindow().webContents.printCalls).toEqual([])
  })

  it.each([
    ['Print job failed', 'printer-failed', /could not print your sheet/],
    ['cancelled', 'printer-failed', /could not print your sheet/],
    ['no valid printers available', 'printer-not-found', /cannot be found/],
  ])('maps the printer failure "%s" to a plain message', async (failureReason, reason, message) => {
    FakeWebContents.printBehaviour = (callback) => callback(false, failureReason)
    const result = await printSheetInHiddenWindow(job())
    expect(result).toMatchObject({ ok: false, reason })
    expect(result.ok === false && result.message).toMatch(message)
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
    expect(result).toMatchObject({ ok: false, reason: 'timeout' })
    expect(result.ok === false && result.message).toMatch(/did not answer in time/)
    expect(printWindow().destroyed).toBe(true)
  })

  it('does not print a page that never finished drawing', async () => {
    FakeWebContents.titleAfterLoad = null
    const result = await printSheetInHiddenWindow(job({ loadTimeoutMs: 50 }))
    expect(result).toMatchObject({ ok: false, reason: 'not-ready' })
    expect(printWindow().webContents.printCalls).toEqual([])
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
    const result = await printSheetInHiddenWindow(
      job({ printerName: '', pdfFolder: join(folder, 'missing', 'deeper'), log }),
    )
    expect(result).toMatchObject({ ok: false, reason: 'no-printer' })
    expect(log.lines.join('\n')).toMatch(/could not save a PDF/)
  })

  it('keeps the hidden window on the app pages and denies pop-ups', async () => {
    await printSheetInHiddenWindow(job())
    const contents = printWindow().webContents
    const away = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true
      },
    }
    contents.emit('will-navigate', away, 'https://example.com/')
    expect(away.defaultPrevented).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
  })
})
