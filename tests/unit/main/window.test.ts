import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, fakeEvent, resetFakeElectron } from '../../mocks/electron'
import { createKioskWindow } from '../../../electron/main/window'
import { memoryLogger } from './test-logger'

vi.mock('electron', () => import('../../mocks/electron'))

const appEntry = 'app://kiosk/index.html'
const isAppUrl = (url: string) => url.startsWith('app://kiosk/')

function openKiosk(packaged = true) {
  const log = memoryLogger()
  const win = createKioskWindow({
    preloadPath: '/app/out/preload/index.cjs',
    isAppUrl,
    packaged,
    log,
  })
  return {
    win: win as unknown as BrowserWindow,
    contents: (win as unknown as BrowserWindow).webContents,
    log,
  }
}

describe('kiosk window', () => {
  beforeEach(resetFakeElectron)

  it('is a frameless fullscreen kiosk with no menu, shown when ready on Windows', () => {
    BrowserWindow.platform = 'win32'
    const { win } = openKiosk()
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false })
    expect(win.menuRemoved).toBe(true)
    expect(win.shown).toBe(false)
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
  })

  it('on Linux shows at once, before the page is drawn (electron#25916), so it starts white like the page', () => {
    BrowserWindow.platform = 'linux'
    const { win } = openKiosk()
    expect(win.shown).toBe(true)
    expect(win.options).toMatchObject({ backgroundColor: '#ffffff' })
  })

  it('isolates the page from Node and keeps web security on', () => {
    const prefs = openKiosk().win.options['webPreferences']
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    })
    // 'Auxclick' is no Blink feature any more; middle-click pop-ups meet the window-open handler.
    expect(prefs).not.toHaveProperty('disableBlinkFeatures')
  })

  it('has no devtools when packaged, and closes them if they open anyway', () => {
    const { win, contents } = openKiosk(true)
    expect(win.options['webPreferences']).toMatchObject({ devTools: false })
    contents.emit('devtools-opened')
    expect(contents.devToolsClosed).toBe(1)
  })

  it('keeps devtools for developers in an unpackaged run', () => {
    const { win, contents } = openKiosk(false)
    expect(win.options['webPreferences']).toMatchObject({ devTools: true })
    contents.emit('devtools-opened')
    expect(contents.devToolsClosed).toBe(0)
  })

  it('refuses navigation away from the app, and allows its own pages, reading the URL from the event', () => {
    const { contents, log } = openKiosk()
    // The fake passes no deprecated positional URL, as code must not rely on it in Electron 45.
    expect(contents.navigate('will-navigate', 'https://example.com/').defaultPrevented).toBe(true)
    expect(log.lines.join('\n')).toContain('refused navigation to https://example.com/')
    expect(contents.navigate('will-navigate', `${appEntry}#/home`).defaultPrevented).toBe(false)
  })

  it('refuses frame navigations and redirects away from the app', () => {
    const { contents } = openKiosk()
    expect(contents.navigate('will-frame-navigate', 'https://example.com/f').defaultPrevented).toBe(
      true,
    )
    expect(
      contents.navigate('will-frame-navigate', `${appEntry}#/print/prevention`).defaultPrevented,
    ).toBe(false)
    expect(contents.navigate('will-redirect', 'https://example.com/').defaultPrevented).toBe(true)
    expect(contents.navigate('will-redirect', `${appEntry}#/home`).defaultPrevented).toBe(false)
  })

  it('refuses <webview> tags', () => {
    const { contents } = openKiosk()
    const event = fakeEvent()
    contents.emit('will-attach-webview', event)
    expect(event.defaultPrevented).toBe(true)
  })

  it('denies every pop-up window', () => {
    const { contents } = openKiosk()
    expect(contents.windowOpenHandler?.({ url: `${appEntry}#/home` })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    })
  })

  it('cancels every download', () => {
    const { contents } = openKiosk()
    const item = { cancel: vi.fn(), getURL: () => 'https://example.com/file.exe' }
    const event = fakeEvent()
    contents.session.emit('will-download', event, item)
    expect(event.defaultPrevented).toBe(true)
    expect(item.cancel).toHaveBeenCalled()
  })

  it('denies every permission request and check', () => {
    const { contents } = openKiosk()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn()
      contents.session.permissionRequestHandler?.(contents, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    expect(contents.session.permissionCheckHandler?.(contents, 'media')).toBe(false)
  })

  it('blocks browser shortcuts such as reload, and lets ordinary keys through', () => {
    const { contents } = openKiosk()
    const reload = fakeEvent()
    contents.emit('before-input-event', reload, {
      type: 'keyDown',
      key: 'r',
      control: true,
      meta: false,
      alt: false,
      shift: false,
    })
    expect(reload.defaultPrevented).toBe(true)
    const typing = fakeEvent()
    contents.emit('before-input-event', typing, {
      type: 'keyDown',
      key: '5',
      control: false,
      meta: false,
      alt: false,
      shift: false,
    })
    expect(typing.defaultPrevented).toBe(false)
  })

  it('shows no context menu', () => {
    const { contents } = openKiosk()
    const event = fakeEvent()
    contents.emit('context-menu', event, {})
    expect(event.defaultPrevented).toBe(true)
  })

  it('turns pinch zoom off, again after each load, and undoes any zoom change', () => {
    const { contents } = openKiosk()
    expect(contents.visualZoomLimits).toEqual([1, 1])
    contents.visualZoomLimits = null
    contents.emit('did-finish-load')
    expect(contents.visualZoomLimits).toEqual([1, 1])
    contents.zoomLevel = 3
    contents.emit('zoom-changed', fakeEvent(), 'in')
    expect(contents.zoomLevel).toBe(0)
  })
})
