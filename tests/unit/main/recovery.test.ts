import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, FakeWebContents, protocol, resetFakeElectron } from '../../mocks/electron'
import { attachRecovery } from '../../../electron/main/recovery'
import { createReloadBudget } from '../../../electron/main/reload-budget'
import { memoryLogger } from './test-logger'

vi.mock('electron', () => import('../../mocks/electron'))

const appUrl = 'app://kiosk/index.html'
const offlineUrl = 'app://kiosk/offline.html'

function setUp() {
  const win = new BrowserWindow({})
  const log = memoryLogger()
  const onGone = vi.fn()
  const recovery = attachRecovery(win as never, {
    appUrl,
    offlineUrl,
    budget: createReloadBudget({ max: 3, windowMs: 60_000, now: () => Date.now() }),
    log,
    reloadDelayMs: 1_000,
    onGone,
  })
  return { win, log, recovery, onGone, contents: win.webContents }
}

const crash = (win: BrowserWindow, reason = 'crashed') =>
  win.webContents.reportGone({ reason, exitCode: 139 })

beforeEach(() => {
  resetFakeElectron()
  protocol.handlers.set('app', () => new Response('the kiosk'))
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('recovery', () => {
  it('tells the fleet health metrics of each crash and hang once, and not of a clean exit', async () => {
    const { win, onGone } = setUp()
    crash(win)
    await vi.advanceTimersByTimeAsync(1_000)
    win.emit('unresponsive')
    await vi.advanceTimersByTimeAsync(1_000)
    crash(win, 'clean-exit')
    expect(onGone.mock.calls).toEqual([['crash'], ['hang']])
  })

  it('reloads the kiosk after a renderer crash, a moment after the crash event, and logs why', async () => {
    const { win, log } = setUp()
    // Loading from inside the event crashes Electron (the fake throws): it must wait.
    expect(() => crash(win)).not.toThrow()
    expect(win.webContents.loadedUrls).toEqual([])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(win.webContents.loadedUrls).toEqual([appUrl])
    expect(log.lines.join('\n')).toMatch(/renderer gone \(crashed, exit code 139\)/)
  })

  it('ends a hung page with forcefullyCrashRenderer instead of loading into it, and reloads once', async () => {
    const { win, contents, log } = setUp()
    win.emit('unresponsive')
    expect(contents.forcedCrashes).toBe(1)
    expect(contents.loadedUrls).toEqual([])
    // Still hung while the crash is on its way: not crashed twice.
    win.emit('unresponsive')
    expect(contents.forcedCrashes).toBe(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(contents.loadedUrls).toEqual([appUrl])
    expect(log.lines.join('\n')).toMatch(/window unresponsive; ending the page's process/)
    expect(log.lines.join('\n')).toMatch(/renderer gone \(killed/)
  })

  it('takes one slot of the reload budget for a hang, not two', async () => {
    const { win, contents } = setUp()
    for (let hang = 0; hang < 3; hang += 1) {
      win.emit('unresponsive')
      await vi.advanceTimersByTimeAsync(1_000)
    }
    expect(contents.forcedCrashes).toBe(3)
    expect(contents.loadedUrls).toEqual([appUrl, appUrl, appUrl])
  })

  it('reloads anyway when a forced crash is never reported', async () => {
    const { win, contents, recovery } = setUp()
    contents.forcefullyCrashRenderer = () => {
      contents.forcedCrashes += 1
    }
    recovery.hung('no heartbeat')
    await vi.advanceTimersByTimeAsync(11_000)
    expect(contents.loadedUrls).toEqual([appUrl])
    win.emit('unresponsive')
    expect(contents.forcedCrashes).toBe(2)
  })

  it('shows the offline page after three reloads in a minute, and reloads again later', async () => {
    const { win, log, recovery } = setUp()
    crash(win)
    recovery.reload('main process error: disk full')
    win.emit('unresponsive')
    await vi.advanceTimersByTimeAsync(1_000)
    crash(win)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(win.webContents.loadedUrls).toEqual([appUrl, appUrl, appUrl, offlineUrl])
    expect(log.lines.at(-1)).toMatch(/^error: .*too many reloads, showing the offline page/)
    await vi.advanceTimersByTimeAsync(60_000)
    crash(win)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(win.webContents.loadedUrls.at(-1)).toBe(appUrl)
  })

  it('logs a reload that fails to load, instead of leaving the rejection unhandled', async () => {
    const { win, log } = setUp()
    FakeWebContents.loadFailure = () => ({ errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND' })
    crash(win)
    await vi.advanceTimersByTimeAsync(1_001)
    expect(log.lines.join('\n')).toContain(
      `did not load: Error: ERR_FILE_NOT_FOUND (-6) loading '${appUrl}'`,
    )
  })

  it('does nothing when the renderer exits cleanly or the window is gone', async () => {
    const { win } = setUp()
    crash(win, 'clean-exit')
    win.destroyed = true
    crash(win)
    win.emit('unresponsive')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(win.webContents.loadedUrls).toEqual([])
    expect(win.webContents.forcedCrashes).toBe(0)
  })
})
