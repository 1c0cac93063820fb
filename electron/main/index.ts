import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserWindow } from 'electron'
import { app, ipcMain, Menu, net, protocol } from 'electron'
import log from 'electron-log/main'
import { createKioskBackend } from '../backend/create-kiosk-backend'
import { findItCommand, runItCommand, type ItCommand } from '../backend/it-commands'
import { readNewPinFromTerminal } from '../backend/terminal-pin'
import type { PrintRequest } from '../shared/contract'
import { exitCodes } from '../shared/exit-codes'
import { defaultSettings } from '../shared/settings-defaults'
import type { Settings } from '../shared/settings-schema'
import { registerAppScheme, serveAppScheme } from './app-protocol'
import { isAppUrl } from './app-url'
import { registerIpc } from './ipc'
import { printRouteUrl, resolveAppPaths } from './paths'
import { toPrinter } from './printers'
import { printSheetInHiddenWindow } from './printing'
import { createHeartbeatBackstop, type HeartbeatBackstop } from './heartbeat-backstop'
import { attachRecovery, type Recovery } from './recovery'
import { createReloadBudget } from './reload-budget'
import { createShutdown } from './shutdown'
import { clearVisitData } from './visit-data'
import { createKioskWindow } from './window'

// Both only take effect before 'ready'. Chromium speaks on Linux only through
// speech-dispatcher, and only when told to (electron/electron#4452, #22844).
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-speech-dispatcher')
registerAppScheme(protocol)

log.transports.file.resolvePathFn = () => join(app.getPath('userData'), 'logs', 'kiosk.log')
log.transports.file.maxSize = 1024 * 1024
// An uncaught error in main is logged, and the kiosk page is reloaded (within the reload
// budget) rather than left in an unknown state; the machine itself is never restarted.
let recovery: Recovery | null = null
log.errorHandler.startCatching({
  showDialog: false,
  onError: ({ error, processType }) => {
    if (processType === 'browser') recovery?.reload(`main process error: ${error.message}`)
  },
})

const paths = resolveAppPaths({
  mainDir: dirname(fileURLToPath(import.meta.url)),
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  packaged: app.isPackaged,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
})
const ours = (url: string) => isAppUrl(url, paths.rendererEntryUrl)
let kiosk: BrowserWindow | null = null
let idleTimeoutMs = defaultSettings.idleTimeoutSeconds * 1000
let backstop: HeartbeatBackstop | null = null

const printSheet = (request: PrintRequest, current: Settings, purpose = '') =>
  printSheetInHiddenWindow({
    url: printRouteUrl(paths.rendererEntryUrl, request),
    printerName: current.printerName,
    pageSize: current.paperSize,
    pdfFolder: current.pdfFolder,
    pdfFileName: `${purpose}${request.sheetId}-${request.locale}-${new Date().toISOString().replace(/[:.]/g, '-')}.pdf`,
    preloadPath: paths.preload,
    isAppUrl: ours,
    log,
  })

const backend = createKioskBackend({
  userDataDir: app.getPath('userData'),
  contentDir: paths.contentDir,
  appInfo: { name: app.getName(), version: app.getVersion(), packaged: app.isPackaged },
  log,
  onSettings: (current) => {
    idleTimeoutMs = current.idleTimeoutSeconds * 1000
  },
  shell: {
    platform: 'electron',
    printer: 'chosen',
    heartbeat: () => backstop?.beat(),
    clearVisitData: async () => {
      if (kiosk) await clearVisitData(kiosk.webContents.session)
    },
    print: (request, current) => printSheet(request, current),
    listPrinters: async () =>
      kiosk ? (await kiosk.webContents.getPrintersAsync()).map(toPrinter) : [],
    testPrint: (current) =>
      printSheet({ sheetId: 'prevention', locale: current.defaultLocale }, current, 'test-'),
    exit: () => void shutdown.exit(),
    restart: () => void shutdown.restart(),
    // net.fetch works only once the app is ready; a first fleet check may come sooner.
    fetch: async (url, init) => {
      await app.whenReady()
      return net.fetch(url, init)
    },
  },
})

const shutdown = createShutdown({
  app,
  // The counts are written, then the fleet stops its timers and its metric exporter.
  flush: () => backend.flush().then(backend.close),
  log,
  supervised: process.argv.includes('--supervised'),
  appImage: process.env['APPIMAGE'],
  args: process.argv.slice(1),
})

/** `back-spasm-kiosk --setup <file>` or `--reset-staff-pin`: done on the user-data folder, no window. */
async function runFromCommandLine(command: ItCommand | { usage: string }): Promise<void> {
  if ('usage' in command) {
    console.error(command.usage)
    app.exit(exitCodes.badInput)
    return
  }
  const code = await runItCommand(
    command,
    backend.setup,
    {
      out: (line) => console.log(line),
      error: (line) => console.error(line),
      readNewPin: () => readNewPinFromTerminal(),
    },
    app.getPath('userData'),
  ).catch((error: unknown) => {
    console.error(`The command failed: ${String(error)}`)
    return exitCodes.failed
  })
  await backend.flush()
  app.exit(code)
}

function startKiosk(): void {
  app.on('second-instance', () => {
    if (!kiosk) return
    if (kiosk.isMinimized()) kiosk.restore()
    kiosk.focus()
  })

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(null)
    serveAppScheme(protocol, paths.rendererDir)
    registerIpc(ipcMain, backend.invoke, { isTrustedSender: ours })
    kiosk = createKioskWindow({
      preloadPath: paths.preload,
      isAppUrl: ours,
      packaged: app.isPackaged,
      log,
    })
    shutdown.guardWindow(kiosk)
    const current = attachRecovery(kiosk, {
      appUrl: paths.rendererEntryUrl,
      offlineUrl: paths.offlineUrl,
      budget: createReloadBudget({ max: 3, windowMs: 60_000 }),
      log,
      onGone: backend.rendererGone,
    })
    recovery = current
    backstop = createHeartbeatBackstop({
      idleTimeoutMs: () => idleTimeoutMs,
      recover: current.hung,
    })
    kiosk.loadURL(paths.rendererEntryUrl).catch((error: unknown) => {
      current.reload(`the kiosk page did not load (${String(error)})`)
    })
    log.info(`kiosk started, version ${app.getVersion()}`)
  })

  app.on('window-all-closed', () => app.quit())
}

const command = findItCommand(process.argv.slice(1))
if (command) {
  void runFromCommandLine(command)
} else if (!app.requestSingleInstanceLock()) {
  // A second copy of the kiosk would fight the first for the screen: focus the first instead.
  app.quit()
} else {
  startKiosk()
}
