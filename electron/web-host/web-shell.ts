import type { KioskShell } from '../backend/shell'
import type { Logger } from '../shared/logger'

/**
 * The host side of a kiosk shown in a browser. The browser prints the sheet itself once the
 * backend has allowed and counted the print (with --kiosk-printing, silently, to the system's
 * default printer); the page clears its own visit data from the endVisit answer's
 * Clear-Site-Data header; quitting and restarting are the browser's and its supervisor's.
 */
export function createWebShell(log: Logger): KioskShell {
  return {
    platform: 'browser',
    printer: 'system-default',
    heartbeat: () => undefined,
    clearVisitData: async () => undefined,
    print: async () => ({ ok: true, via: 'browser' }),
    listPrinters: async () => [],
    testPrint: async () => ({ ok: false, reason: 'unsupported' }),
    exit: () => log.info('staff chose Exit: a browser kiosk is closed from its computer'),
    restart: () => log.info('staff chose Restart: the page reloads with fresh content'),
    fetch: (url, init) => fetch(url, init),
  }
}
