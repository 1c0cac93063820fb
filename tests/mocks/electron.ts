import { EventEmitter } from 'node:events'

/**
 * A small stand-in for the parts of `electron` the main process uses, so the shell's glue can
 * be tested in Node. It records what the glue asked for and lets tests fire Electron's events.
 */

export interface FakeEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

export function fakeEvent<T extends object>(extra?: T): FakeEvent & T {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
    ...(extra as T),
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null
  setPermissionRequestHandler(handler: PermissionRequestHandler) {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
    this.permissionCheckHandler = handler
  }
}

export interface FakePrinter {
  name: string
  displayName: string
  isDefault: boolean
}

export type PrintCallback = (success: boolean, failureReason: string) => void

export class FakeWebContents extends EventEmitter {
  /** A title to announce after each load, as a page would by setting document.title. */
  static titleAfterLoad: string | null = null
  static printers: FakePrinter[] = []
  /** How the printer answers a print; by default it prints. */
  static printBehaviour: (callback: PrintCallback) => void = (callback) => callback(true, '')
  session = new FakeSession()
  printCalls: Record<string, unknown>[] = []
  pdfCalls: Record<string, unknown>[] = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  visualZoomLimits: [number, number] | null = null
  zoomLevel = 0
  devToolsClosed = 0
  loadedUrls: string[] = []

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  setVisualZoomLevelLimits(min: number, max: number) {
    this.visualZoomLimits = [min, max]
    return Promise.resolve()
  }
  setZoomLevel(level: number) {
    this.zoomLevel = level
  }
  closeDevTools() {
    this.devToolsClosed += 1
  }
  loadURL(url: string) {
    this.loadedUrls.push(url)
    const title = FakeWebContents.titleAfterLoad
    if (title) setTimeout(() => this.emit('page-title-updated', fakeEvent(), title), 0)
    return Promise.resolve()
  }
  getPrintersAsync() {
    return Promise.resolve(FakeWebContents.printers)
  }
  print(options: Record<string, unknown>, callback: PrintCallback) {
    this.printCalls.push(options)
    FakeWebContents.printBehaviour(callback)
  }
  printToPDF(options: Record<string, unknown>) {
    this.pdfCalls.push(options)
    return Promise.resolve(Buffer.from('%PDF-1.4 fake sheet'))
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  shown = false
  focused = 0
  menuRemoved = false
  destroyed = false
  minimized = false

  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.created.push(this)
  }
  removeMenu() {
    this.menuRemoved = true
  }
  show() {
    this.shown = true
  }
  focus() {
    this.focused += 1
  }
  isMinimized() {
    return this.minimized
  }
  restore() {
    this.minimized = false
  }
  isDestroyed() {
    return this.destroyed
  }
  destroy() {
    this.destroyed = true
  }
  loadURL(url: string) {
    return this.webContents.loadURL(url)
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  },
}

class FakeApp extends EventEmitter {
  singleInstanceLock = true
  quitCalls = 0
  isPackaged = false
  requestSingleInstanceLock() {
    return this.singleInstanceLock
  }
  quit() {
    this.quitCalls += 1
  }
  whenReady() {
    return Promise.resolve()
  }
  getPath(name: string) {
    return `/tmp/fake-electron/${name}`
  }
  getAppPath() {
    return '/tmp/fake-electron/app'
  }
  getName() {
    return 'back-spasm-kiosk'
  }
  getVersion() {
    return '0.0.0-test'
  }
}
export const app = new FakeApp()

export const Menu = {
  applicationMenu: undefined as unknown,
  setApplicationMenu(menu: unknown) {
    this.applicationMenu = menu
  },
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api)
  },
}

export const ipcRenderer = {
  invocations: [] as { channel: string; args: unknown[] }[],
  invoke(channel: string, ...args: unknown[]) {
    this.invocations.push({ channel, args })
    return Promise.resolve(`answer from ${channel}`)
  },
}

/** Puts the fake back to a fresh state between tests. */
export function resetFakeElectron(): void {
  BrowserWindow.created = []
  FakeWebContents.titleAfterLoad = null
  FakeWebContents.printers = []
  FakeWebContents.printBehaviour = (callback) => callback(true, '')
  ipcMain.handlers.clear()
  app.removeAllListeners()
  app.singleInstanceLock = true
  app.quitCalls = 0
  app.isPackaged = false
  Menu.applicationMenu = undefined
  contextBridge.exposed.clear()
  ipcRenderer.invocations = []
}
