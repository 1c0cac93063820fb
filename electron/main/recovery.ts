import type { BrowserWindow } from 'electron'
import type { Logger } from '../shared/logger'
import type { ReloadBudget } from './reload-budget'

export interface RecoveryOptions {
  appUrl: string
  offlineUrl: string
  budget: ReloadBudget
  log: Logger
  /** Told of each crash or hang, for the fleet's health metrics. */
  onGone?: (kind: 'crash' | 'hang') => void
}

/**
 * Brings the kiosk back after a renderer crash or hang: reload the start screen while the
 * reload budget allows, otherwise show the bundled offline page, which retries by itself.
 */
export function attachRecovery(
  win: BrowserWindow,
  options: RecoveryOptions,
): { recover: (reason: string) => void } {
  const { webContents } = win
  const recover = (reason: string) => {
    if (win.isDestroyed()) return
    if (options.budget.tryTake()) {
      options.log.warn(`recovery: ${reason}; reloading the kiosk`)
      void webContents.loadURL(options.appUrl)
    } else {
      options.log.error(`recovery: ${reason}; too many reloads, showing the offline page`)
      void webContents.loadURL(options.offlineUrl)
    }
  }
  webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    options.onGone?.('crash')
    recover(`renderer gone (${details.reason}, exit code ${details.exitCode})`)
  })
  win.on('unresponsive', () => {
    options.onGone?.('hang')
    recover('window unresponsive')
  })
  return { recover }
}
