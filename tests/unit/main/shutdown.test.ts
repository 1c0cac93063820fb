import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createShutdown } from '../../../electron/main/shutdown'
import { exitCodes } from '../../../electron/shared/exit-codes'
import { app, BrowserWindow, resetFakeElectron } from '../../mocks/electron'
import { memoryLogger } from './test-logger'

function setUp(options: { supervised?: boolean; appImage?: string } = {}) {
  let finishWrites: () => void = () => undefined
  const writes = vi.fn(() => new Promise<void>((done) => (finishWrites = done)))
  const log = memoryLogger()
  const signals = new EventEmitter()
  const shutdown = createShutdown({
    app: app as never,
    flush: writes,
    log,
    supervised: options.supervised ?? false,
    appImage: options.appImage,
    args: ['--supervised'],
    flushTimeoutMs: 5_000,
    signals: signals as never,
  })
  const win = new BrowserWindow({ kiosk: true })
  shutdown.guardWindow(win as never)
  return { shutdown, win, writes, finishWrites: () => finishWrites(), log, signals }
}

beforeEach(resetFakeElectron)
afterEach(() => {
  vi.useRealTimers()
})

describe('closing the kiosk window', () => {
  it('is refused when a visitor presses Alt+F4 and the window manager closes the window', () => {
    const { win, log } = setUp()
    win.close()
    expect(win.isDestroyed()).toBe(false)
    expect(app.exitCode).toBeNull()
    expect(log.lines.join('\n')).toContain('refused to close the kiosk window')
  })

  it('is allowed once Windows ends the session (log-off, shutdown)', () => {
    const { win } = setUp()
    win.emit('session-end')
    win.close()
    expect(win.isDestroyed()).toBe(true)
  })
})

describe('quitting', () => {
  it('holds the first before-quit until the writes are done, then quits for real', async () => {
    const { win, writes, finishWrites } = setUp()
    app.quit()
    expect(writes).toHaveBeenCalledTimes(1)
    expect(app.exitCode).toBeNull()
    expect(win.isDestroyed()).toBe(false)
    app.quit()
    expect(writes).toHaveBeenCalledTimes(1)
    finishWrites()
    await vi.waitFor(() => expect(app.exitCode).toBe(0))
    expect(win.isDestroyed()).toBe(true)
  })

  it('does the same when systemd sends SIGTERM', async () => {
    const { writes, finishWrites, signals } = setUp()
    signals.emit('SIGTERM')
    expect(writes).toHaveBeenCalledTimes(1)
    expect(app.exitCode).toBeNull()
    finishWrites()
    await vi.waitFor(() => expect(app.exitCode).toBe(0))
  })

  it('does not wait for ever: after the time limit it quits anyway, and says so', async () => {
    vi.useFakeTimers()
    const { log } = setUp()
    app.quit()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(app.exitCode).toBe(0)
    expect(log.lines.join('\n')).toContain('the last writes took too long')
  })

  it('quits even when the writes fail, and logs why', async () => {
    const log = memoryLogger()
    createShutdown({
      app: app as never,
      flush: async () => {
        throw new Error('disk full')
      },
      log,
      supervised: false,
      args: [],
      signals: new EventEmitter() as never,
    })
    app.quit()
    await vi.waitFor(() => expect(app.exitCode).toBe(0))
    expect(log.lines.join('\n')).toContain('could not save everything: Error: disk full')
  })
})

describe('Exit and Restart from staff mode', () => {
  it('Exit saves first, then ends with the code systemd does not restart on', async () => {
    const { shutdown, win, finishWrites } = setUp({ supervised: true })
    const exiting = shutdown.exit()
    await Promise.resolve()
    expect(app.exitCode).toBeNull()
    finishWrites()
    await exiting
    expect(app.exitCode).toBe(exitCodes.staffExit)
    expect(win.isDestroyed()).toBe(true)
    expect(app.relaunches).toEqual([])
  })

  it('Restart under a supervisor only exits, with its restart code: relaunching would race it', async () => {
    const { shutdown, finishWrites } = setUp({ supervised: true })
    const restarting = shutdown.restart()
    finishWrites()
    await restarting
    expect(app.exitCode).toBe(exitCodes.staffRestart)
    expect(app.relaunches).toEqual([])
  })

  it('Restart without a supervisor relaunches the app itself', async () => {
    const { shutdown, finishWrites } = setUp()
    const restarting = shutdown.restart()
    finishWrites()
    await restarting
    expect(app.relaunches).toEqual([undefined])
    expect(app.exitCode).toBe(exitCodes.ok)
  })

  it('an AppImage relaunches the AppImage file, not its mounted copy that is gone after exit', async () => {
    const { shutdown, finishWrites } = setUp({ appImage: '/opt/kiosk/kiosk.AppImage' })
    const restarting = shutdown.restart()
    finishWrites()
    await restarting
    expect(app.relaunches).toEqual([
      { execPath: '/opt/kiosk/kiosk.AppImage', args: ['--supervised'] },
    ])
  })
})
