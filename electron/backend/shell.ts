import type { FetchFunction } from '../services/fleet/repository-fetchers'
import type { AppInfo, Printer, PrintRequest, PrintResult } from '../shared/contract'
import type { Settings } from '../shared/settings-schema'

/**
 * What only the host can do: the Electron shell, or the web host serving a browser. Passed
 * into the backend so every rule above it is the same in both, and runs in Node in tests.
 */
export interface KioskShell {
  platform: AppInfo['platform']
  /** Which printer a sheet goes to: the one staff chose (Electron), or the system's default
   * queue, which a browser with --kiosk-printing prints to. */
  printer: 'chosen' | 'system-default'
  /** The page is alive; the Electron shell reloads a page whose heartbeats stop. */
  heartbeat(): void
  /** A visit ended: clear what the page stored (cookies, storage, cache), never settings. */
  clearVisitData(): Promise<void>
  print(request: PrintRequest, settings: Settings): Promise<PrintResult>
  listPrinters(): Promise<Printer[]>
  /** Prints the 'prevention' sheet in the default language with these printer settings. */
  testPrint(settings: Settings): Promise<PrintResult>
  exit(): void
  restart(): void
  /** HTTPS for the content repository: Electron's net.fetch (system proxy), or Node's fetch. */
  fetch: FetchFunction
}
