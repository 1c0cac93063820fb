import type { BrowserWindow } from 'electron'
import type { Logger } from '../shared/logger'
import type { ReloadBudget } from './reload-budget'

export interface RecoveryOptions {
  appUrl: string
  offlineUrl: string
  budget: ReloadBudget
  log: Logger
  /** How long after the renderer is gone the page loads again. */
  reloadDelayMs?: number
  /** How long a forced crash may take to be reported before the page is reloaded anyway. */
  crashReportMs?: number
  /** Told of each crash or hang, for the fleet's health metrics. */
  onGone?: (kind: 'crash' | 'hang') => void
}

export interface Recovery {
  /** The page stopped answering: end its process, and the crash path brings it back. */
  hung(reason: string): void
  /** The page is alive but must start again (e.g. after an error in main). */
  reload(reason: string): void
}

/**
 * Brings the kiosk back after a renderer crash or hang: reload the start screen while the
 * reload budget allows, otherwise show the bundled offline page, which retries by itself.
 *
 * A hung page is not reloaded directly: loadURL on a renderer that does not answer waits on
 * that renderer. Its process is ended with forcefullyCrashRenderer (docs/api/web-contents.md),
 * and 'render-process-gone' reloads it, so a hang takes one slot of the budget, not two. The
 * load waits a moment past that event: loading from inside it can crash Electron
 * (electron/electron#19887), and straight after a forced crash it may not start a new process
 * on Linux (electron/electron#48661).
 */
export function attachRecovery(win: BrowserWindow, options: RecoveryOptions): Recovery {
  const { webContents } = win
  /** Set while a forced crash has not been reported: a second hang must not crash again. */
  let crashing: ReturnType<typeof setTimeout> | null = null

  const loadSoon = (url: string) =>
    setTimeout(() => {
      if (win.isDestroyed()) return
      webContents.loadURL(url).catch((error: unknown) => {
        options.log.error(`recovery: ${url} did not load: ${String(error)}`)
      })
    }, options.reloadDelayMs ?? 1_000)

  const reload = (reason: string) => {
    if (win.isDestroyed()) return
    if (options.budget.tryTake()) {
      options.log.warn(`recovery: ${reason}; reloading the kiosk`)
      loadSoon(options.appUrl)
    } else {
      options.log.error(`recovery: ${reason}; too many reloads, showing the offline page`)
      loadSoon(options.offlineUrl)
    }
  }

  const hung = (reason: string) => {
    if (win.isDestroyed() || crashing) return
    options.onGone?.('hang')
    options.log.warn(`recovery: ${reason}; ending the page's process`)
    crashing = setTimeout(() => {
      crashing = null
      reload(`${reason}; its process was not reported gone`)
    }, options.crashReportMs ?? 10_000)
    webContents.forcefullyCrashRenderer()
  }

  webContents.on('render-process-gone', (_event, details) => {
    // A process ended because it hung was counted as a hang, not again as a crash.
    const forced = crashing !== null
    if (crashing) clearTimeout(crashing)
    crashing = null
    if (details.reason === 'clean-exit') return
    if (!forced) options.onGone?.('crash')
    reload(`renderer gone (${details.reason}, exit code ${details.exitCode})`)
  })
  win.on('unresponsive', () => hung('window unresponsive'))
  return { hung, reload }
}
