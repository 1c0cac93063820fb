import type { PrinterQueries } from '../services/ipp-printers'
import type { Logger } from '../shared/logger'
import { printerHealth, type PrinterStatus } from '../shared/printer-status'
import type { Settings } from '../shared/settings-schema'

export interface PrinterWatchOptions {
  queries: PrinterQueries
  /** Electron prints to the printer staff chose; a browser to the system's default queue. */
  printer: 'chosen' | 'system-default'
  settings: () => Promise<Settings>
  log: Logger
  now: () => Date
  /** How often to ask by itself, so the state is known before anyone taps Print; 0: never. */
  intervalMs: number
  /** Told every answer, e.g. for the fleet's status file. */
  onCheck?: (status: PrinterStatus, changed: boolean) => void
}

/**
 * The one place that knows whether the kiosk's printer can print: it asks the print system
 * over IPP on a timer, before each print and whenever a screen asks, and keeps the answer for
 * the visitor screens, staff mode and the kiosk's status report.
 */
export function createPrinterWatch(options: PrinterWatchOptions) {
  let last: PrinterStatus = {
    printer: null,
    state: 'unknown',
    problems: [],
    checkedAt: options.now().toISOString(),
  }
  let inFlight: Promise<PrinterStatus> | null = null
  let lastLogged = ''

  async function ask(): Promise<PrinterStatus> {
    const checkedAt = options.now().toISOString()
    const settings = await options.settings()
    let printer: string | null = settings.printerName || null
    try {
      if (options.printer === 'system-default') printer = await options.queries.defaultPrinter()
      if (!printer) return { printer: null, state: 'none', problems: [], checkedAt }
      const attributes = await options.queries.attributes(printer)
      if (!attributes) return { printer, state: 'down', problems: ['offline'], checkedAt }
      return { printer, ...printerHealth(attributes), checkedAt }
    } catch {
      // No print system here (a Windows kiosk, CUPS stopped): nothing is known, nothing refused.
      return { printer, state: 'unknown', problems: [], checkedAt }
    }
  }

  /** Asks now; callers asking while an answer is on its way share it. */
  function check(): Promise<PrinterStatus> {
    inFlight ??= ask()
      .then((status) => {
        last = status
        const summary = `${status.printer ?? 'no printer'} ${status.state} ${status.problems.join(',')}`
        const changed = summary !== lastLogged
        if (changed) options.log.info(`printer: ${summary.trim()}`)
        lastLogged = summary
        options.onCheck?.(status, changed)
        return status
      })
      .finally(() => {
        inFlight = null
      })
    return inFlight
  }

  const timer =
    options.intervalMs > 0 ? setInterval(() => void check(), options.intervalMs) : undefined
  // The timer must never keep a host (or a test) running by itself.
  timer?.unref?.()

  return {
    check,
    /** The last answer, without asking again: for the kiosk's status report. */
    current: () => last,
    stop: () => clearInterval(timer),
  }
}
export type PrinterWatch = ReturnType<typeof createPrinterWatch>
