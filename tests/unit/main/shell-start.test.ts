import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { exitCodes } from '../../../electron/shared/exit-codes'
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

let userData: string
const argv = process.argv
let sigtermBefore: NodeJS.SignalsListener[] = []
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'kiosk-shell-'))
  sigtermBefore = process.listeners('SIGTERM')
})
afterEach(async () => {
  // Each start of the shell listens for SIGTERM on this one process: drop the test's own.
  for (const listener of process.listeners('SIGTERM'))
    if (!sigtermBefore.includes(listener)) process.off('SIGTERM', listener)
  process.argv = argv
  vi.unstubAllEnvs()
  vi.useRealTimers()
  await rm(userData, { recursive: true, force: true })
})

/** Runs the shell's entry point in a fresh module graph, against a fresh fake electron. */
async function startShell(
  before: (fake: typeof FakeElectron) => void = () => undefined,
  args: string[] = [],
) {
  vi.resetModules()
  const fake = (await import('electron')) as unknown as typeof FakeElectron
  fake.resetFakeElectron()
  fake.app.getPath = () => userData
  process.argv = [argv[0]!, '/opt/kiosk/app.asar', ...args]
  before(fake)
  await import('../../../electron/main/index')
  await vi.waitFor(() => expect(fake.app.ready || fake.app.exitCode !== null).toBe(true))
  await new Promise((resolve) => setTimeout(resolve, 0))
  return fake
}

/** The kiosk window, and a way to call main as the kiosk page does. */
function kioskPage(fake: typeof FakeElectron) {
  const win = fake.BrowserWindow.created[0]!
  const fromKiosk = { senderFrame: { url: 'app://kiosk/index.html#/' } }
  const invoke = (channel: string, ...args: unknown[]) =>
    fake.ipcMain.handlers.get(channel)!(fromKiosk, ...args)
  return { win, invoke }
}

const setup = { clinicName: 'Riverside Clinic', staffPin: '582039' }

describe('starting the shell', () => {
  it('quits at once when another kiosk already holds the single-instance lock', async () => {
    const { app, BrowserWindow } = await startShell((fake) => {
      fake.app.singleInstanceLock = false
    })
    expect(app.quitCalls).toBeGreaterThan(0)
    expect(BrowserWindow.created).toHaveLength(0)
  })

  it('opens one kiosk window without a menu, registers IPC and loads app://kiosk/', async () => {
    const fake = await startShell()
    expect(fake.Menu.applicationMenu).toBeNull()
    expect(fake.BrowserWindow.created).toHaveLength(1)
    expect(fake.ipcMain.handlers.size).toBeGreaterThan(0)
    const win = fake.BrowserWindow.created[0]!
    expect(win.webContents.loadedUrls).toEqual(['app://kiosk/index.html'])
    // The scheme was made privileged before ready, and is served after it (else the load fails).
    expect(fake.protocol.privileged.map((entry) => entry.scheme)).toEqual(['app'])
    expect(fake.protocol.handlers.has('app')).toBe(true)
  })

  it('turns Linux speech (speech-dispatcher) on before ready, when Chromium still reads switches', async () => {
    const { app } = await startShell()
    expect(app.commandLine.switches.has('enable-speech-dispatcher')).toBe(
      process.platform === 'linux',
    )
    expect(app.commandLine.tooLate).toEqual([])
  })

  it('loads the dev server only in an unpackaged run; a packaged kiosk ignores ELECTRON_RENDERER_URL', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    const dev = await startShell((fake) => {
      fake.app.isPackaged = false
    })
    expect(dev.BrowserWindow.created[0]!.webContents.loadedUrls).toEqual(['http://localhost:5173/'])
    const packaged = await startShell((fake) => {
      fake.app.isPackaged = true
      Object.assign(process, { resourcesPath: '/opt/kiosk/resources' })
    })
    expect(packaged.BrowserWindow.created[0]!.webContents.loadedUrls).toEqual([
      'app://kiosk/index.html',
    ])
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
    expect(log.transports.file.resolvePathFn()).toBe(join(userData, 'logs', 'kiosk.log'))
    expect(log.transports.file.maxSize).toBeGreaterThan(0)
    expect(log.errorHandler.startCatching).toHaveBeenCalledWith(
      expect.objectContaining({ showDialog: false }),
    )
  })

  it('ends a page whose heartbeats stop for three idle timeouts and reloads it, not while they come', async () => {
    // Only the backstop's clock is fake: the crash report and the reload run on real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const fake = await startShell()
    const { win, invoke } = kioskPage(fake)
    for (let i = 0; i < 60; i += 1) {
      vi.advanceTimersByTime(10_000)
      await invoke('visit:heartbeat')
    }
    expect(win.webContents.forcedCrashes).toBe(0)
    // Three idle timeouts of silence, noticed at the next check (every 5 s).
    vi.advanceTimersByTime(3 * 90_000 + 5_000)
    expect(win.webContents.forcedCrashes).toBe(1)
    await vi.waitFor(() => expect(win.webContents.loadedUrls).toHaveLength(2), { timeout: 3_000 })
    expect(win.webContents.loadedUrls).toEqual(['app://kiosk/index.html', 'app://kiosk/index.html'])
  })

  it('clears the page storage through the window session when a visit ends', async () => {
    const fake = await startShell()
    const { win, invoke } = kioskPage(fake)
    await invoke('visit:end')
    expect(win.webContents.session.clearedStorages).toHaveLength(1)
    expect(win.webContents.session.cacheCleared).toBe(1)
  })

  it('logs an uncaught main-process error and reloads the kiosk page, not the machine', async () => {
    const fake = await startShell()
    const { default: log } = (await import('electron-log/main')) as unknown as {
      default: { errorHandler: { startCatching: ReturnType<typeof vi.fn> } }
    }
    const options = log.errorHandler.startCatching.mock.calls.at(-1)?.[0] as {
      onError: (details: { error: Error; processType: string }) => void
    }
    const { win } = kioskPage(fake)
    options.onError({ error: new Error('disk full'), processType: 'browser' })
    await vi.waitFor(() => expect(win.webContents.loadedUrls).toHaveLength(2), { timeout: 3_000 })
    expect(win.webContents.loadedUrls[1]).toBe(win.webContents.loadedUrls[0])
  })
})

describe('the kiosk as staff and IT use it', () => {
  it('starts in first-run setup, then gives staff the printers and a test print through Electron', async () => {
    const fake = await startShell((electron) => {
      electron.FakeWebContents.printers = [
        { name: 'HP_LaserJet', displayName: 'HP LaserJet' },
        { name: 'Back_Office', displayName: '' },
      ]
    })
    const { invoke } = kioskPage(fake)
    expect(await invoke('setup:status')).toEqual({ result: { needed: true } })
    expect(await invoke('setup:list-printers')).toEqual({
      result: [
        { name: 'HP_LaserJet', displayName: 'HP LaserJet' },
        { name: 'Back_Office', displayName: 'Back_Office' },
      ],
    })
    expect(await invoke('setup:complete', { ...setup, printerName: 'HP_LaserJet' })).toEqual({
      result: { ok: true },
    })
    expect(await invoke('setup:status')).toEqual({ result: { needed: false } })
    expect(await invoke('setup:list-printers')).toEqual({ refused: 'setup-done' })

    expect(await invoke('staff:list-printers')).toEqual({ refused: 'sign-in-required' })
    expect(await invoke('staff:sign-in', { pin: setup.staffPin })).toEqual({ result: { ok: true } })
    fake.FakeWebContents.titleAfterLoad = 'print-ready'
    fake.FakeWebContents.printBehaviour = (callback) => callback(false, 'Print job failed')
    expect(await invoke('staff:test-print')).toEqual({
      result: { ok: false, reason: 'printer-failed' },
    })
    const printWindow = fake.BrowserWindow.created[1]!
    expect(printWindow.webContents.loadedUrls[0]).toBe(
      'app://kiosk/index.html#/print/prevention?lang=en',
    )
    expect(printWindow.destroyed).toBe(true)
  })

  it('Exit ends the app with the code systemd leaves stopped; Restart with --supervised only exits', async () => {
    const fake = await startShell(() => undefined, ['--supervised'])
    const { invoke, win } = kioskPage(fake)
    await invoke('setup:complete', setup)
    await invoke('staff:sign-in', { pin: setup.staffPin })
    await invoke('staff:restart')
    await vi.waitFor(() => expect(fake.app.exitCode).toBe(exitCodes.staffRestart))
    expect(fake.app.relaunches).toEqual([])
    expect(win.isDestroyed()).toBe(true)

    const again = await startShell()
    const page = kioskPage(again)
    await page.invoke('staff:sign-in', { pin: setup.staffPin })
    await page.invoke('staff:exit')
    await vi.waitFor(() => expect(again.app.exitCode).toBe(exitCodes.staffExit))
  })

  it('does not close on Alt+F4, and saves the counts before it quits', async () => {
    const fake = await startShell()
    const { invoke, win } = kioskPage(fake)
    await invoke('usage:record', { type: 'visit' })
    win.close()
    expect(win.isDestroyed()).toBe(false)
    fake.app.quit()
    await vi.waitFor(() => expect(fake.app.exitCode).toBe(0))
    const usage = JSON.parse(await readFile(join(userData, 'usage.json'), 'utf8')) as {
      days: Record<string, { visits: number }>
    }
    expect(Object.values(usage.days)[0]?.visits).toBe(1)
  })

  it('`--setup <file>` sets the kiosk up without a window and exits 0; a bad file changes nothing and exits 2', async () => {
    const bad = join(userData, 'bad-setup.json')
    await writeFile(bad, JSON.stringify({ clinicName: 'Riverside', staffPin: '1234' }))
    const refused = await startShell(() => undefined, ['--setup', bad])
    await vi.waitFor(() => expect(refused.app.exitCode).toBe(exitCodes.badInput))
    expect(refused.BrowserWindow.created).toHaveLength(0)
    await expect(readFile(join(userData, 'staff-pin.json'))).rejects.toThrow()

    const good = join(userData, 'setup.json')
    await writeFile(good, JSON.stringify(setup))
    const done = await startShell(() => undefined, ['--setup', good])
    await vi.waitFor(() => expect(done.app.exitCode).toBe(exitCodes.ok))
    expect(done.BrowserWindow.created).toHaveLength(0)
    const settings = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))
    expect(settings).toMatchObject({ clinicName: 'Riverside Clinic' })

    const kiosk = await startShell()
    const { invoke } = kioskPage(kiosk)
    expect(await invoke('setup:status')).toEqual({ result: { needed: false } })
    expect(await invoke('staff:sign-in', { pin: setup.staffPin })).toEqual({ result: { ok: true } })
  })
})
