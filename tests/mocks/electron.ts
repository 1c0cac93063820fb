import { EventEmitter } from 'node:events'

/**
 * A small stand-in for the parts of `electron` the main process and the preload use, so the
 * shell's glue can be tested in Node. It records what the glue asked for and lets tests fire
 * Electron's events. Where a kinder fake would hide a real bug it behaves as Electron 45 does:
 * values crossing the context bridge and IPC are copied with the structured clone algorithm
 * (a Vue proxy throws, as electron/electron#39598 reports), IPC answers and print callbacks
 * arrive asynchronously, every window shares the default session, and an error thrown in a
 * main handler reaches the page as "Error invoking remote method '<channel>': <error>"
 * (lib/renderer/api/ipc-renderer.ts).
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
  /** Windows without a partition share one session in Electron: so do they here. */
  static defaultSession = new FakeSession()
  clearedStorages: string[][] = []
  cacheCleared = 0
  clearStorageData(options: { storages: string[] }) {
    this.clearedStorages.push(options.storages)
    return Promise.resolve()
  }
  clearCache() {
    this.cacheCleared += 1
    return Promise.resolve()
  }
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null
  setPermissionRequestHandler(handler: PermissionRequestHandler) {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
    this.permissionCheckHandler = handler
  }
}

/** Electron 45's PrinterInfo has no `isDefault` (Chromium stopped reporting it). */
export interface FakePrinter {
  name: string
  displayName: string
  description?: string
  options?: Record<string, string>
}

export type PrintCallback = (success: boolean, failureReason: string) => void

export class FakeWebContents extends EventEmitter {
  /** A title to announce after each load, as a page would by setting document.title. */
  static titleAfterLoad: string | null = null
  static printers: FakePrinter[] = []
  /** How the printer answers a print; by default it prints. */
  static printBehaviour: (callback: PrintCallback) => void = (callback) => callback(true, '')
  session = FakeSession.defaultSession
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
    // Chromium answers once the spooler has the job, never inside the call itself.
    setTimeout(() => FakeWebContents.printBehaviour(callback), 0)
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

/**
 * What the page sees of an object the preload exposed: functions are called across the
 * bridge, so their arguments and results are copied, and promises stay promises.
 */
function acrossTheBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    return (...args: unknown[]) => {
      // Electron copies the arguments before the preload's function runs; a proxy throws here.
      const copied = structuredClone(args)
      const result: unknown = value(...copied)
      return result instanceof Promise
        ? result.then((answer) => structuredClone(answer))
        : structuredClone(result)
    }
  }
  if (value && typeof value === 'object') {
    const copy = Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, acrossTheBridge(inner)]),
    )
    return Object.isFrozen(value) ? Object.freeze(copy) : copy
  }
  return structuredClone(value)
}

export const contextBridge = {
  /** Each exposed API as the page's main world sees it. */
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, acrossTheBridge(api))
  },
}

export const ipcRenderer = {
  invocations: [] as { channel: string; args: unknown[] }[],
  /** The address of the page that sends, as main sees it in `event.senderFrame.url`. */
  senderUrl: 'file:///app/out/renderer/index.html#/',
  async invoke(channel: string, ...args: unknown[]) {
    const copied = structuredClone(args)
    this.invocations.push({ channel, args: copied })
    await new Promise((next) => setTimeout(next, 0))
    const handler = ipcMain.handlers.get(channel)
    try {
      if (!handler) throw new Error(`No handler registered for '${channel}'`)
      const answer = await handler({ senderFrame: { url: this.senderUrl } }, ...copied)
      return structuredClone(answer)
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, {
        cause: error,
      })
    }
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
  ipcRenderer.senderUrl = 'file:///app/out/renderer/index.html#/'
  FakeSession.defaultSession = new FakeSession()
}
