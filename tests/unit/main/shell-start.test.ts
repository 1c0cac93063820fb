import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type * as FakeElectron from '../../mocks/electron'

vi.mock('electron', () => import('../../mocks/electron'))
vi.mock('electron-log/main', () => {
  const log = {
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
    transports: { file: {} as Record<string, unknown> },
    errorHandler: { startCatching: vi.fn() },
  }
  return { default: log }
})

/** Runs the shell's entry point in a fresh module graph, against a fresh fake electron. */
async function startShell(before: (fake: typeof FakeElectron) => void = () => undefined) {
  vi.resetModules()
  const fake = (await import('electron')) as unknown as typeof FakeElectron
  fake.resetFakeElectron()
  before(fake)
  await import('../../../electron/main/index')
  await new Promise((resolve) => setTimeout(resolve, 0))
  return fake
}

describe('starting the shell', () => {
  it('quits at once when another kiosk already holds the single-instance lock', async () => {
    const { app, BrowserWindow } = await startShell((fake) => {
      fake.app.singleInstanceLock = false
    })
    expect(app.quitCalls).toBe(1)
    expect(BrowserWindow.created).toHaveLength(0)
  })

  it('opens one kiosk window without a menu, registers IPC and loads the app', async () => {
    const { BrowserWindow, ipcMain, Menu } = await startShell()
    expect(Menu.applicationMenu).toBeNull()
    expect(BrowserWindow.created).toHaveLength(1)
    expect(ipcMain.handlers.size).toBeGreaterThan(0)
    const win = BrowserWindow.created[0]!
    expect(win.webContents.loadedUrls[0]).toMatch(/^file:\/\/.*\/renderer\/index\.html$/)
  })

  it('focuses the first kiosk when someone launches a second one', async () => {
    const { app, BrowserWindow } = await startShell()
    const win = BrowserWindow.created[0]!
    win.minimized = true
    app.emit('second-instance')
    expect(win.focused).toBe(1)
    expect(win.minimized).toBe(false)
  })

  it('logs to a size-limited file in the user-data folder, and catches uncaught errors', async () => {
    await startShell()
    const { default: log } = (await import('electron-log/main')) as unknown as {
      default: {
        transports: { file: { resolvePathFn: () => string; maxSize: number } }
        errorHandler: { startCatching: ReturnType<typeof vi.fn> }
      }
    }
    expect(log.transports.file.resolvePathFn()).toBe('/tmp/fake-electron/userData/logs/kiosk.log')
    expect(log.transports.file.maxSize).toBeGreaterThan(0)
    expect(log.errorHandler.startCatching).toHaveBeenCalledWith(
      expect.objectContaining({ showDialog: false }),
    )
  })

  it('reloads the kiosk page when heartbeats stop for three idle timeouts, and not while they come', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    try {
      const { BrowserWindow, ipcMain } = await startShell()
      const win = BrowserWindow.created[0]!
      const heartbeat = ipcMain.handlers.get('visit:heartbeat')!
      const fromKiosk = { senderFrame: { url: win.webContents.loadedUrls[0] } }
      for (let i = 0; i < 60; i += 1) {
        vi.advanceTimersByTime(10_000)
        await heartbeat(fromKiosk)
      }
      expect(win.webContents.loadedUrls).toHaveLength(1)
      vi.advanceTimersByTime(3 * 90_000)
      expect(win.webContents.loadedUrls).toHaveLength(2)
      expect(win.webContents.loadedUrls[1]).toBe(win.webContents.loadedUrls[0])
    } finally {
      vi.useRealTimers()
    }
  })

  it('clears the page storage through the window session when a visit ends', async () => {
    const { BrowserWindow, ipcMain } = await startShell()
    const win = BrowserWindow.created[0]!
    const session = win.webContents.session as unknown as Record<string, unknown>
    session['clearStorageData'] = vi.fn(async () => undefined)
    session['clearCache'] = vi.fn(async () => undefined)
    await ipcMain.handlers.get('visit:end')!({
      senderFrame: { url: win.webContents.loadedUrls[0] },
    })
    expect(session['clearStorageData']).toHaveBeenCalled()
    expect(session['clearCache']).toHaveBeenCalled()
  })

  it('gives staff mode the printers, a test print, exit and restart through Electron', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'kiosk-shell-'))
    const relaunch = vi.fn()
    const exit = vi.fn()
    try {
      const { app, BrowserWindow, FakeWebContents, ipcMain } = await startShell((fake) => {
        fake.app.getPath = () => userData
        Object.assign(fake.app, { relaunch, exit })
        fake.FakeWebContents.printers = [
          { name: 'HP_LaserJet', displayName: 'HP LaserJet' },
          { name: 'Back_Office', displayName: '' },
        ]
      })
      const win = BrowserWindow.created[0]!
      const fromKiosk = { senderFrame: { url: win.webContents.loadedUrls[0] } }
      const invoke = (channel: string, ...args: unknown[]) =>
        ipcMain.handlers.get(channel)!(fromKiosk, ...args)

      expect(await invoke('staff:list-printers')).toEqual({ refused: 'sign-in-required' })
      // First run: choosing the PIN signs staff in.
      expect(await invoke('staff:set-first-pin', { pin: '4826' })).toEqual({
        result: { ok: true },
      })
      expect(await invoke('staff:list-printers')).toEqual({
        result: [
          { name: 'HP_LaserJet', displayName: 'HP LaserJet' },
          { name: 'Back_Office', displayName: 'Back_Office' },
        ],
      })

      FakeWebContents.titleAfterLoad = 'print-ready'
      const printed = await invoke('staff:test-print')
      expect(printed).toEqual({ result: { ok: false, reason: 'no-printer' } })
      const printWindow = BrowserWindow.created[1]!
      expect(printWindow.webContents.loadedUrls[0]).toMatch(/#\/print\/prevention\?lang=en$/)
      expect(printWindow.destroyed).toBe(true)

      await invoke('staff:restart')
      expect(relaunch).toHaveBeenCalledTimes(1)
      expect(exit).toHaveBeenCalledWith(0)

      expect(await invoke('staff:sign-in', { pin: '4826' })).toEqual({ result: { ok: true } })
      await invoke('staff:exit')
      expect(app.quitCalls).toBe(1)
    } finally {
      await rm(userData, { recursive: true, force: true })
    }
  })

  it('logs an uncaught main-process error and reloads the kiosk page, not the machine', async () => {
    const { BrowserWindow } = await startShell()
    const { default: log } = (await import('electron-log/main')) as unknown as {
      default: { errorHandler: { startCatching: ReturnType<typeof vi.fn> } }
    }
    const options = log.errorHandler.startCatching.mock.calls.at(-1)?.[0] as {
      onError: (details: { error: Error; processType: string }) => void
    }
    const win = BrowserWindow.created[0]!
    expect(win.webContents.loadedUrls).toHaveLength(1)
    options.onError({ error: new Error('disk full'), processType: 'browser' })
    expect(win.webContents.loadedUrls).toHaveLength(2)
    expect(win.webContents.loadedUrls[1]).toBe(win.webContents.loadedUrls[0])
  })
})
