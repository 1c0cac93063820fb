import { describe, expect, it, vi } from 'vitest'
import { createKioskBackend } from '../../../electron/backend/create-kiosk-backend'
import { createWebShell } from '../../../electron/web-host/web-shell'
import { memoryLogger } from '../main/test-logger'
import { fakePrinters, signedInKiosk, useUserDataFolder } from './kiosk-fixture'

const folder = useUserDataFolder('kiosk-printer-')
const stopped = { 'printer-state': 'stopped', 'printer-state-reasons': 'paused' }

describe('the printer watch', () => {
  it('asks the printer staff chose in Electron, and says "none" when there is none', async () => {
    const printers = fakePrinters()
    const kiosk = await signedInKiosk(folder(), { printers })
    expect(await kiosk.api.getPrinterStatus()).toMatchObject({ printer: null, state: 'none' })
    expect(printers.attributes).not.toHaveBeenCalled()

    const settings = await kiosk.api.getSettings()
    await kiosk.api.staffSaveSettings({ ...settings, printerName: 'Front_Desk' })
    expect(await kiosk.api.getPrinterStatus()).toMatchObject({
      printer: 'Front_Desk',
      state: 'ready',
    })
    expect(printers.attributes).toHaveBeenCalledWith('Front_Desk')
  })

  it('asks the system’s default queue for a browser, which prints there', async () => {
    const printers = fakePrinters('KioskPDF')
    const log = memoryLogger()
    const backend = createKioskBackend({
      userDataDir: folder(),
      contentDir: 'content',
      shell: createWebShell(log),
      log,
      appInfo: { name: 'kiosk', version: 'test', packaged: false },
      printers,
      printerCheckIntervalMs: 0,
    })
    const status = await backend.invoke('getPrinterStatus', [], { trusted: true, from: 'test' })
    expect(status).toMatchObject({ printer: 'KioskPDF', state: 'ready' })
    expect(backend.printerStatus()).toEqual(status)
  })

  it('does not send a sheet to a printer that says it is stopped, and counts the failed print', async () => {
    const printers = fakePrinters()
    printers.attributes.mockResolvedValue(stopped)
    const kiosk = await signedInKiosk(folder(), { printers })
    await kiosk.api.staffSaveSettings({
      ...(await kiosk.api.getSettings()),
      printerName: 'Front_Desk',
    })
    expect(await kiosk.api.printSheet({ sheetId: 'prevention', locale: 'en' })).toEqual({
      ok: false,
      reason: 'printer-down',
    })
    expect(kiosk.shell.print).not.toHaveBeenCalled()
    await kiosk.flush()
    const [today] = await kiosk.services.usage.lastDays(1)
    expect(today?.printFailures).toEqual({ prevention: 1 })
  })

  it('knows nothing, and refuses nothing, when the print system does not answer', async () => {
    const printers = fakePrinters()
    printers.attributes.mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:631'))
    const kiosk = await signedInKiosk(folder(), { printers })
    await kiosk.api.staffSaveSettings({
      ...(await kiosk.api.getSettings()),
      printerName: 'Front_Desk',
    })
    expect(await kiosk.api.getPrinterStatus()).toMatchObject({ state: 'unknown' })
    expect(await kiosk.api.printSheet({ sheetId: 'prevention', locale: 'en' })).toMatchObject({
      ok: true,
    })
  })

  it('asks by itself on a timer, so the state is known before anyone taps Print', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      const printers = fakePrinters('KioskPDF')
      const log = memoryLogger()
      createKioskBackend({
        userDataDir: folder(),
        contentDir: 'content',
        shell: createWebShell(log),
        log,
        appInfo: { name: 'kiosk', version: 'test', packaged: false },
        printers,
        printerCheckIntervalMs: 30_000,
      })
      expect(printers.defaultPrinter).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(30_000)
      await vi.waitFor(() => expect(printers.defaultPrinter).toHaveBeenCalledTimes(1))
    } finally {
      vi.useRealTimers()
    }
  })
})
