import type { ContentStore } from '../services/content-store'
import type { SettingsStore } from '../services/settings-store'
import type { UsageStore } from '../services/usage-store'
import type { AppInfo, PrintRequest, PrintResult } from '../shared/contract'
import type { Settings } from '../shared/settings-schema'
import type { Handlers } from './ipc'
import type { Logger } from './logger'
import { printFailureMessages } from './print-messages'

/** The parts only Electron can do, passed in so the API itself runs and is tested in Node. */
export interface ShellActions {
  heartbeat(): void
  clearVisitData(): Promise<void>
  print(request: PrintRequest, settings: Settings): Promise<PrintResult>
}

export interface HandlerDeps {
  content: ContentStore
  settings: SettingsStore
  usage: UsageStore
  appInfo: AppInfo
  shell: ShellActions
  log: Logger
  /** Told about the settings each time they are read, e.g. to follow the idle timeout. */
  onSettings?: (settings: Settings) => void
}

/** Everything the kiosk page may ask of the main process: the implementation of the contract. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const currentSettings = async () => {
    const settings = await deps.settings.get()
    deps.onSettings?.(settings)
    return settings
  }

  return {
    getContent: (locale) => deps.content.load(locale),
    getSettings: currentSettings,
    getAppInfo: async () => deps.appInfo,
    heartbeat: async () => {
      deps.shell.heartbeat()
    },
    endVisit: async () => {
      await deps.shell.clearVisitData()
      deps.log.info('visit ended: page storage and cache cleared')
    },
    printSheet: async (request) => {
      const settings = await currentSettings()
      const [today] = await deps.usage.lastDays(1)
      const printedToday = Object.values(today?.prints ?? {}).reduce((sum, n) => sum + n, 0)
      if (printedToday >= settings.dailyPrintLimit) {
        deps.log.warn(`printing: daily limit of ${settings.dailyPrintLimit} sheets reached`)
        return { ok: false, reason: 'daily-limit', message: printFailureMessages['daily-limit'] }
      }
      const result = await deps.shell.print(request, settings)
      if (result.ok) deps.usage.sheetPrinted(request.sheetId, request.locale)
      else deps.usage.printFailed(request.sheetId)
      return result
    },
  }
}
