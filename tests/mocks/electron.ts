import { EventEmitter } from 'node:events'

/**
 * A small stand-in for the parts of `electron` the main process and the preload use, so the
 * shell's glue can be tested in Node. It records what the glue asked for and lets tests fire
 * Electron's events. Where a kinder fake would hide a real bug it behaves as Electron 45 does
 * (tests/unit/mocks/fake-electron.test.ts shows each):
 * - values crossing the context bridge and IPC are copied with the structured clone algorithm
 *   (a Vue proxy throws, as electron/electron#39598 reports);
 * - IPC answers, print callbacks and crash reports arrive asynchronously;
 * - every window shares the default session;
 * - an error thrown in a main handler reaches the page as "Error invoking remote method
 *   '<channel>': <error>" (lib/renderer/api/ipc-renderer.ts);
 * - loadURL rejects when the load fails, with Electron's "<code> (<errno>) loading '<url>'"
 *   error after 'did-fail-load' (lib/browser/api/web-contents.ts), and an app:// URL fails
 *   unless protocol.handle serves the scheme;
 * - 'before-quit' listeners are not awaited: a promise they return does not hold the quit,
 *   only event.preventDefault() does; a window whose 'close' is prevented cancels the quit;
 *   app.exit() ends at once without either event (docs/api/app.md);
 * - will-navigate and will-redirect carry the URL on the event only: the positional url is
 *   deprecated in Electron 45, so code still reading it gets nothing here;
 * - loading a page from inside 'render-process-gone' throws (it crashes Electron,
 *   electron/electron#19887);
 * - protocol.registerSchemesAsPrivileged works only before ready, protocol.handle only after,
 *   and command-line switches appended after ready are recorded as too late;
 * - on Linux a kiosk or fullscreen window shows at once, before 'ready-to-show'
 *   (electron/electron#25916).
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

/** How a load fails: Chromium's net error, as 'did-fail-load' reports it. */
export interface LoadFailure {
  errorCode: number
  errorDescription: string
}

export class FakeWebContents extends EventEmitter {
  /** A title to announce after each load, as a page would by setting document.title. */
  static titleAfterLoad: string | null = null
  /** Decides whether a load fails; by default every load of a served URL succeeds. */
  static loadFailure: (url: string) => LoadFailure | null = () => null
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
  forcedCrashes = 0
  private reportingCrash = false

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
  loadURL(url: string): Promise<void> {
    if (this.reportingCrash) {
      throw new Error('loadURL inside render-process-gone crashes Electron (electron#19887)')
    }
    this.loadedUrls.push(url)
    const failure =
      FakeWebContents.loadFailure(url) ??
      (url.startsWith('app:') && !protocol.handlers.has('app')
        ? { errorCode: -302, errorDescription: 'ERR_UNKNOWN_URL_SCHEME' }
        : null)
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        if (failure) {
          this.emit('did-fail-load', fakeEvent(), failure.errorCode, failure.errorDescription, url)
          const error = new Error(
            `${failure.errorDescription} (${failure.errorCode}) loading '${url}'`,
          )
          reject(
            Object.assign(error, { errno: failure.errorCode, code: failure.errorDescription, url }),
          )
          return
        }
        this.emit('did-finish-load')
        const title = FakeWebContents.titleAfterLoad
        if (title) this.emit('page-title-updated', fakeEvent(), title)
        resolve()
      }, 0)
    })
  }
  /** The renderer's process is killed; Electron reports it afterwards, as 'killed'. */
  forcefullyCrashRenderer() {
    this.forcedCrashes += 1
    setTimeout(() => this.reportGone({ reason: 'killed', exitCode: 9 }), 0)
  }
  /** Fires 'render-process-gone' as Electron does, for crashes the test makes up. */
  reportGone(details: { reason: string; exitCode: number }) {
    this.reportingCrash = true
    try {
      this.emit('render-process-gone', fakeEvent(), details)
    } finally {
      this.reportingCrash = false
    }
  }
  /** A navigation as Electron 45 reports it: the URL is on the event, not positional. */
  navigate(name: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string) {
    const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false })
    this.emit(name, event)
    return event
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
  /** The system the fake pretends to be; some window behaviour differs on Linux. */
  static platform: NodeJS.Platform = 'linux'
  readonly webContents = new FakeWebContents()
  shown = false
  focused = 0
  menuRemoved = false
  destroyed = false
  minimized = false

  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.created.push(this)
    const fullscreen = options['kiosk'] === true || options['fullscreen'] === true
    if (options['show'] !== false || (BrowserWindow.platform === 'linux' && fullscreen)) {
      this.shown = true
    }
  }
  static getAllWindows() {
    return BrowserWindow.created.filter((win) => !win.destroyed)
  }
  /** As the window manager's close (Alt+F4): 'close' may be prevented, else it is gone. */
  close() {
    const event = fakeEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroyed = true
    this.emit('closed')
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
  ready = false
  /** How the process ended: null while it runs. */
  exitCode: number | null = null
  relaunches: (Record<string, unknown> | undefined)[] = []
  readonly commandLine = {
    switches: new Map<string, string | undefined>(),
    tooLate: [] as string[],
    appendSwitch: (name: string, value?: string) => {
      // Chromium reads most switches while it starts: one added after ready changes nothing.
      if (this.ready) this.commandLine.tooLate.push(name)
      this.commandLine.switches.set(name, value)
    },
  }
  requestSingleInstanceLock() {
    return this.singleInstanceLock
  }
  /** app.quit(): 'before-quit', every window's 'close', 'will-quit', then the end. */
  quit() {
    this.quitCalls += 1
    if (this.exitCode !== null) return
    const beforeQuit = fakeEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    for (const win of BrowserWindow.getAllWindows()) {
      win.close()
      if (!win.isDestroyed()) return
    }
    const willQuit = fakeEvent()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) return
    this.exitCode = 0
    this.emit('quit', fakeEvent(), 0)
  }
  /** app.exit(code): ends now; windows are not asked and no quit events are emitted. */
  exit(code = 0) {
    for (const win of BrowserWindow.getAllWindows()) win.destroy()
    this.exitCode = code
  }
  relaunch(options?: Record<string, unknown>) {
    this.relaunches.push(options)
  }
  whenReady() {
    return Promise.resolve().then(() => {
      this.ready = true
    })
  }
  isReady() {
    return this.ready
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

type ProtocolHandler = (request: Request) => Response | Promise<Response>

export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
    if (app.ready) throw new Error('registerSchemesAsPrivileged must be called before app ready')
    if (this.privileged.length) throw new Error('registerSchemesAsPrivileged can be called once')
    this.privileged = schemes
  },
  handle(scheme: string, handler: ProtocolHandler) {
    if (!app.ready) throw new Error('protocol.handle can only be used after app ready')
    if (this.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`)
    this.handlers.set(scheme, handler)
  },
}

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
  senderUrl: 'app://kiosk/index.html#/',
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
  BrowserWindow.platform = 'linux'
  FakeWebContents.titleAfterLoad = null
  FakeWebContents.loadFailure = () => null
  FakeWebContents.printers = []
  FakeWebContents.printBehaviour = (callback) => callback(true, '')
  ipcMain.handlers.clear()
  app.removeAllListeners()
  app.singleInstanceLock = true
  app.quitCalls = 0
  app.isPackaged = false
  app.ready = false
  app.exitCode = null
  app.relaunches = []
  app.commandLine.switches.clear()
  app.commandLine.tooLate = []
  protocol.privileged = []
  protocol.handlers.clear()
  Menu.applicationMenu = undefined
  contextBridge.exposed.clear()
  ipcRenderer.invocations = []
  ipcRenderer.senderUrl = 'app://kiosk/index.html#/'
  FakeSession.defaultSession = new FakeSession()
}
