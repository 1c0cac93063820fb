import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserWindow } from 'electron'
import { app, ipcMain, Menu } from 'electron'
import log from 'electron-log/main'
import { createKioskBackend } from '../backend/create-kiosk-backend'
import type { PrintRequest } from '../shared/contract'
import { defaultSettings } from '../shared/settings-defaults'
import type { Settings } from '../shared/settings-schema'
import { isAppUrl } from './app-url'
import { registerIpc } from './ipc'
import { printRouteUrl, resolveAppPaths } from './paths'
import { toPrinter } from './printers'
import { printSheetInHiddenWindow } from './printing'
import { createHeartbeatBackstop, type HeartbeatBackstop } from './heartbeat-backstop'
import { attachRecovery } from './recovery'
import { createReloadBudget } from './reload-budget'
import { clearVisitData } from './visit-data'
import { createKioskWindow } from './window'

// A second copy of the kiosk would fight the first for the screen: focus the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  log.transports.file.resolvePathFn = () => join(app.getPath('userData'), 'logs', 'kiosk.log')
  log.transports.file.maxSize = 1024 * 1024
  // An uncaught error in main is logged, and the kiosk page is reloaded (within the reload
  // budget) rather than left in an unknown state; the machine itself is never restarted.
  let recoverWindow: ((reason: string) => void) | null = null
  log.errorHandler.startCatching({
    showDialog: false,
    onError: ({ error, processType }) => {
      if (processType === 'browser') recoverWindow?.(`main process error: ${error.message}`)
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

  app.on('second-instance', () => {
    if (!kiosk) return
    if (kiosk.isMinimized()) kiosk.restore()
    kiosk.focus()
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
      exit: () => app.quit(),
      restart: () => {
        app.relaunch()
        app.exit(0)
      },
    },
  })

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(null)
    registerIpc(ipcMain, backend.invoke, { isTrustedSender: ours })
    kiosk = createKioskWindow({
      preloadPath: paths.preload,
      isAppUrl: ours,
      packaged: app.isPackaged,
      log,
    })
    const recovery = attachRecovery(kiosk, {
      appUrl: paths.rendererEntryUrl,
      offlineUrl: paths.offlineUrl,
      budget: createReloadBudget({ max: 3, windowMs: 60_000 }),
      log,
    })
    recoverWindow = recovery.recover
    backstop = createHeartbeatBackstop({
      idleTimeoutMs: () => idleTimeoutMs,
      recover: recovery.recover,
    })
    void kiosk.loadURL(paths.rendererEntryUrl)
    log.info(`kiosk started, version ${app.getVersion()}`)
  })

  app.on('before-quit', () => void backend.flush())

  app.on('window-all-closed', () => app.quit())
}
