import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserWindow } from 'electron'
import { app, ipcMain, Menu } from 'electron'
import log from 'electron-log/main'
import { createContentStore } from '../services/content-store'
import { createSettingsStore } from '../services/settings-store'
import { isAppUrl } from './app-url'
import { registerIpc } from './ipc'
import { resolveAppPaths } from './paths'
import { attachRecovery } from './recovery'
import { createReloadBudget } from './reload-budget'
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
        getSettings: () => settings.get(),
        getAppInfo: async () => ({
          name: app.getName(),
          version: app.getVersion(),
          platform: 'electron',
          packaged: app.isPackaged,
        }),
      },
      { isTrustedSender: ours, log },
    )
    kiosk = createKioskWindow({
      preloadPath: paths.preload,
      isAppUrl: ours,
      packaged: app.isPackaged,
      log,
    })
    attachRecovery(kiosk, {
      appUrl: paths.rendererEntryUrl,
      offlineUrl: paths.offlineUrl,
      budget: createReloadBudget({ max: 3, windowMs: 60_000 }),
      log,
    })
    void kiosk.loadURL(paths.rendererEntryUrl)
    log.info(`kiosk started, version ${app.getVersion()}`)
  })

  app.on('window-all-closed', () => app.quit())
}
