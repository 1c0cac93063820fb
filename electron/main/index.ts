import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserWindow } from 'electron'
import { app, ipcMain, Menu } from 'electron'
import log from 'electron-log/main'
import { createContentStore } from '../services/content-store'
import { createSettingsStore } from '../services/settings-store'
import { createUsageStore } from '../services/usage-store'
import { defaultSettings } from '../shared/settings-schema'
import { isAppUrl } from './app-url'
import { createHandlers } from './handlers'
import { registerIpc } from './ipc'
import { printRouteUrl, resolveAppPaths } from './paths'
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
  log.errorHandler.startCatching({ showDialog: false })

  const paths = resolveAppPaths({
    mainDir: dirname(fileURLToPath(import.meta.url)),
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    packaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  })
  const ours = (url: string) => isAppUrl(url, paths.rendererEntryUrl)
  const content = createContentStore({ contentDir: paths.contentDir })
  const settings = createSettingsStore({ dir: app.getPath('userData') })
  const usage = createUsageStore({ dir: app.getPath('userData') })
  let kiosk: BrowserWindow | null = null
  let idleTimeoutMs = defaultSettings.idleTimeoutSeconds * 1000
  let backstop: HeartbeatBackstop | null = null

  app.on('second-instance', () => {
    if (!kiosk) return
    if (kiosk.isMinimized()) kiosk.restore()
    kiosk.focus()
  })

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(null)
    registerIpc(
      ipcMain,
      createHandlers({
        content,
        settings,
        usage,
        appInfo: {
          name: app.getName(),
          version: app.getVersion(),
          platform: 'electron',
          packaged: app.isPackaged,
        },
        log,
        onSettings: (current) => {
          idleTimeoutMs = current.idleTimeoutSeconds * 1000
        },
        shell: {
          heartbeat: () => backstop?.beat(),
          clearVisitData: async () => {
            if (kiosk) await clearVisitData(kiosk.webContents.session)
          },
          print: (request, current) =>
            printSheetInHiddenWindow({
              url: printRouteUrl(paths.rendererEntryUrl, request),
              printerName: current.printerName,
              pageSize: current.paperSize,
              pdfFolder: current.pdfFolder,
              pdfFileName: `${request.sheetId}-${request.locale}-${new Date().toISOString().replace(/[:.]/g, '-')}.pdf`,
              preloadPath: paths.preload,
              isAppUrl: ours,
              log,
            }),
        },
      }),
      { isTrustedSender: ours, log },
    )
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
    backstop = createHeartbeatBackstop({
      idleTimeoutMs: () => idleTimeoutMs,
      recover: recovery.recover,
    })
    void kiosk.loadURL(paths.rendererEntryUrl)
    log.info(`kiosk started, version ${app.getVersion()}`)
  })

  app.on('before-quit', () => void usage.flush())

  app.on('window-all-closed', () => app.quit())
}
