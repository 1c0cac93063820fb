import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'
import { blockedAction } from './blocked-input'
import type { Logger } from '../shared/logger'

export interface KioskWindowOptions {
  preloadPath: string
  /** Decides whether a URL is one of the app's own pages. */
  isAppUrl: (url: string) => boolean
  packaged: boolean
  log: Logger
}

export function kioskWindowOptions(
  preloadPath: string,
  packaged: boolean,
): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    show: false,
    // On Linux a kiosk or fullscreen window shows at once, before 'ready-to-show'
    // (electron/electron#25916, #20352): white like the start screen, so nothing dark flashes.
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !packaged,
    },
  }
}

/**
 * Everything that keeps a visitor inside the kiosk: no navigation away, no pop-ups, no
 * downloads, no permissions, no browser shortcuts, no context menu and no zoom.
 */
function applyLockdown(win: BrowserWindow, options: Omit<KioskWindowOptions, 'preloadPath'>): void {
  const { webContents } = win
  const { isAppUrl, log } = options
  const refuse = (what: string, url: string) => log.warn(`lockdown: refused ${what} to ${url}`)

  // The URL is read from the event: the positional one is deprecated in Electron 45.
  webContents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault()
      refuse('navigation', event.url)
    }
  })
  webContents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault()
      refuse('frame navigation', event.url)
    }
  })
  webContents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault()
      refuse('redirect', event.url)
    }
  })
  webContents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('lockdown: refused a <webview>')
  })
  // Middle-click and every other way to open a window end here.
  webContents.setWindowOpenHandler(({ url }) => {
    refuse('pop-up', url)
    return { action: 'deny' }
  })
  webContents.session.on('will-download', (event, item) => {
    event.preventDefault()
    item.cancel()
    refuse('download', item.getURL())
  })
  webContents.session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`lockdown: denied permission ${permission}`)
    callback(false)
  })
  webContents.session.setPermissionCheckHandler(() => false)
  webContents.on('before-input-event', (event, input) => {
    const action = blockedAction(input)
    if (action) {
      event.preventDefault()
      log.info(`lockdown: blocked ${action} key chord`)
    }
  })
  webContents.on('context-menu', (event) => event.preventDefault())
  const noPinchZoom = () => void webContents.setVisualZoomLevelLimits(1, 1).catch(() => undefined)
  noPinchZoom()
  webContents.on('did-finish-load', noPinchZoom)
  webContents.on('zoom-changed', () => webContents.setZoomLevel(0))
  if (options.packaged) {
    webContents.on('devtools-opened', () => webContents.closeDevTools())
  }
}

export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const win = new BrowserWindow(kioskWindowOptions(options.preloadPath, options.packaged))
  win.removeMenu()
  applyLockdown(win, options)
  win.once('ready-to-show', () => win.show())
  return win
}
