import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, fakeEvent, resetFakeElectron } from '../../mocks/electron'
import { attachRecovery } from '../../../electron/main/recovery'
import { createReloadBudget } from '../../../electron/main/reload-budget'
import { memoryLogger } from './test-logger'

vi.mock('electron', () => import('../../mocks/electron'))

const appUrl = 'file:///app/out/renderer/index.html'
const offlineUrl = 'file:///app/out/renderer/offline.html'

function setUp() {
  let now = 0
  const win = new BrowserWindow({})
  const log = memoryLogger()
  const onGone = vi.fn()
  attachRecovery(win as never, {
    appUrl,
    offlineUrl,
    budget: createReloadBudget({ max: 3, windowMs: 60_000, now: () => now }),
    log,
    onGone,
  })
  return { win, log, onGone, advance: (ms: number) => (now += ms) }
}

const crash = (win: BrowserWindow, reason = 'crashed') =>
  win.webContents.emit('render-process-gone', fakeEvent(), { reason, exitCode: 139 })

describe('recovery', () => {
  beforeEach(resetFakeElectron)

  it('reloads the kiosk after a renderer crash, and logs why', () => {
    const { win, log } = setUp()
    crash(win)
    expect(win.webContents.loadedUrls).toEqual([appUrl])
    expect(log.lines.join('\n')).toMatch(/renderer gone \(crashed, exit code 139\)/)
  })

  it('reloads when the window stops responding', () => {
    const { win } = setUp()
    win.emit('unresponsive')
    expect(win.webContents.loadedUrls).toEqual([appUrl])
  })

  it('tells the fleet health metrics of each crash and hang, not of a clean exit', () => {
    const { win, onGone } = setUp()
    crash(win)
    win.emit('unresponsive')
    crash(win, 'clean-exit')
    expect(onGone.mock.calls).toEqual([['crash'], ['hang']])
  })

  it('shows the offline page after three reloads in a minute, and reloads again later', () => {
    const { win, log, advance } = setUp()
    crash(win)
    crash(win)
    win.emit('unresponsive')
    crash(win)
    expect(win.webContents.loadedUrls).toEqual([appUrl, appUrl, appUrl, offlineUrl])
    expect(log.lines.at(-1)).toMatch(/^error: .*too many reloads, showing the offline page/)
    advance(60_000)
    crash(win)
    expect(win.webContents.loadedUrls.at(-1)).toBe(appUrl)
  })

  it('does nothing when the renderer exits cleanly or the window is gone', () => {
    const { win } = setUp()
    crash(win, 'clean-exit')
    win.destroyed = true
    crash(win)
    expect(win.webContents.loadedUrls).toEqual([])
  })
})
