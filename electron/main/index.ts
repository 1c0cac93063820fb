import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserWindow } from 'electron'
import { app, ipcMain, Menu } from 'electron'
import log from 'electron-log/main'
import { createContentStore } from '../services/content-store'
import { createSettingsStore } from '../services/settings-store'
import { defaultSettings } from '../shared/settings-schema'
import { isAppUrl } from './app-url'
import { registerIpc } from './ipc'
import { resolveAppPaths } from './paths'
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
      {
        getContent: (locale) => content.load(locale),
        getSettings: async () => {
          const current = await settings.get()
          idleTimeoutMs = current.idleTimeoutSeconds * 1000
          return current
        },
        getAppInfo: async () => ({
          name: app.getName(),
          version: app.getVersion(),
          platform: 'electron',
          packaged: app.isPackaged,
        }),
        heartbeat: async () => {
          backstop?.beat()
        },
        endVisit: async () => {
          if (kiosk) await clearVisitData(kiosk.webContents.session)
          log.info('visit ended: page storage and cache cleared')
        },
      },
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

  app.on('window-all-closed', () => app.quit())
}
