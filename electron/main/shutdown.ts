import type { App, BrowserWindow } from 'electron'
import { exitCodes } from '../shared/exit-codes'
import type { Logger } from '../shared/logger'

export interface ShutdownOptions {
  app: Pick<App, 'on' | 'quit' | 'exit' | 'relaunch'>
  /** Lets calls under way finish and writes the usage counts still in memory. */
  flush: () => Promise<void>
  log: Logger
  /**
   * A supervisor (systemd, Windows Shell Launcher) starts the kiosk again when it ends, so
   * Restart only exits: relaunching as well would race it for the screen (`--supervised`).
   */
  supervised: boolean
  /** The AppImage's own path ($APPIMAGE): its mounted copy is gone once the app has ended. */
  appImage?: string
  /** The app's arguments (without the executable), for a relaunch. */
  args: string[]
  /** The longest the app waits for its writes before it ends anyway. */
  flushTimeoutMs?: number
  /** Where SIGTERM arrives: the process. */
  signals?: Pick<NodeJS.Process, 'on'>
}

/**
 * How the kiosk ends, and only then. The window closes only when staff chose Exit or Restart
 * or the app is quitting: on Linux the window manager handles Alt+F4 itself, and Electron sees
 * only a 'close'. Before the app ends it waits for its writes: 'before-quit' does not wait for
 * a promise (docs/api/app.md), so the first one is held back until they are done. systemd's
 * SIGTERM is made the same quit here, as Electron itself does on POSIX
 * (shell/browser/electron_browser_main_parts_posix.cc hands it to Browser::Quit).
 */
export function createShutdown(options: ShutdownOptions) {
  const { app, log } = options
  let quitting = false
  let saving: Promise<void> | null = null
  let saved = false

  /** Waits for the writes, for a bounded time: a kiosk told to stop must stop. */
  function settle(): Promise<void> {
    saving ??= new Promise<void>((done) => {
      const timer = setTimeout(() => {
        log.error('shutdown: the last writes took too long; ending anyway')
        done()
      }, options.flushTimeoutMs ?? 10_000)
      options
        .flush()
        .catch((error: unknown) => log.error(`shutdown: could not save everything: ${error}`))
        .finally(() => {
          clearTimeout(timer)
          done()
        })
    }).then(() => {
      saved = true
    })
    return saving
  }

  app.on('before-quit', (event) => {
    quitting = true
    if (saved) return
    event.preventDefault()
    void settle().then(() => app.quit())
  })
  ;(options.signals ?? process).on('SIGTERM', () => {
    log.info('shutdown: SIGTERM, saving and quitting')
    app.quit()
  })

  return {
    /** Keeps `win` open until the kiosk is really ending. */
    guardWindow(win: BrowserWindow): void {
      win.on('close', (event) => {
        if (quitting) return
        event.preventDefault()
        log.info('lockdown: refused to close the kiosk window (staff close it with Exit)')
      })
      // Windows is logging off or shutting down: let it, after the writes.
      win.on('session-end', () => {
        quitting = true
        void settle()
      })
    },

    /** Staff chose Exit: ends with the code the systemd unit does not restart on. */
    async exit(): Promise<void> {
      quitting = true
      await settle()
      log.info(`shutdown: staff chose Exit (exit code ${exitCodes.staffExit})`)
      app.exit(exitCodes.staffExit)
    },

    /** Staff chose Restart: the supervisor starts the kiosk again, or the app itself does. */
    async restart(): Promise<void> {
      quitting = true
      await settle()
      if (options.supervised) {
        log.info(`shutdown: staff chose Restart (exit code ${exitCodes.staffRestart})`)
        app.exit(exitCodes.staffRestart)
        return
      }
      log.info('shutdown: staff chose Restart; relaunching')
      // The same executable and arguments by default (docs/api/app.md, app.relaunch).
      app.relaunch(
        options.appImage ? { execPath: options.appImage, args: options.args } : undefined,
      )
      app.exit(exitCodes.ok)
    },
  }
}
