import type { AppInfo, PrintRequest, PrintResult } from '../shared/contract'
import { mergeOverrides, type OverrideDocuments } from '../shared/merge-overrides'
import type { Settings } from '../shared/settings-schema'
import type { Handlers } from './ipc'
import { printFailureMessages } from './print-messages'
import {
  createStaffHandlers,
  type StaffHandlerDeps,
  type StaffShellActions,
} from './staff-handlers'

/** The parts only Electron can do, passed in so the API itself runs and is tested in Node. */
export interface ShellActions extends StaffShellActions {
  heartbeat(): void
  clearVisitData(): Promise<void>
  print(request: PrintRequest, settings: Settings): Promise<PrintResult>
}

/** The stores, the clock and the shell: staff mode's needs plus the visitor-facing ones. */
export interface HandlerDeps extends StaffHandlerDeps {
  appInfo: AppInfo
  shell: ShellActions
}

/** Everything the kiosk page may ask of the main process: the implementation of the contract. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const currentSettings = async () => {
    const settings = await deps.settings.get()
    deps.onSettings?.(settings)
    return settings
  }

  /** Staff changes must never blank the kiosk: if they cannot be read, the shipped pages show. */
  async function currentOverrides(): Promise<OverrideDocuments> {
    try {
      return await deps.overrides.list()
    } catch (error) {
      deps.log.error(`content: staff changes could not be read, showing shipped content: ${error}`)
      return {}
    }
  }

  return {
    reportError: async ({ message, where }) => {
      deps.log.error(`page error in ${where}: ${message}`)
    },
    // Read on every call, so a staff edit shows on the next page load without a restart.
    getContent: async (locale) => {
      const [loaded, overrides] = await Promise.all([deps.content.load(locale), currentOverrides()])
      return {
        content: mergeOverrides(loaded.content, overrides, locale),
        problems: loaded.problems,
      }
    },
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
    ...createStaffHandlers(deps),
  }
}
