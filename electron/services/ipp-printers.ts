import ipp from '@sealsystems/ipp'
import type { PrinterAttributes } from '../shared/printer-status'

/** What the kiosk asks a print system: its default queue, and one queue's state. */
export interface PrinterQueries {
  defaultPrinter(): Promise<string | null>
  /** Null when the print system has no queue of that name. */
  attributes(name: string): Promise<PrinterAttributes | null>
}

const wanted = ['printer-state', 'printer-state-reasons', 'printer-is-accepting-jobs']

/**
 * Asks CUPS (or any IPP print system) over IPP, on this computer: CUPS-Get-Default for the
 * system's default queue (what `lpstat -d` says) and Get-Printer-Attributes for its state.
 * A print system that does not answer in time rejects, and the kiosk then knows nothing.
 */
export function createIppPrinters(
  options: { server?: string; timeoutMs?: number } = {},
): PrinterQueries {
  const server = (options.server ?? 'http://127.0.0.1:631').replace(/\/$/, '')
  const timeout = options.timeoutMs ?? 3000

  function execute(path: string, operation: string, attributes: string[]) {
    return new Promise<ipp.Response>((resolve, reject) => {
      ipp
        .Printer(`${server}${path}`, { timeout })
        .execute(
          operation,
          { 'operation-attributes-tag': { 'requested-attributes': attributes } },
          (error, response) => (error ? reject(error) : resolve(response)),
        )
    })
  }

  return {
    async defaultPrinter() {
      const answer = await execute('/', 'CUPS-Get-Default', ['printer-name'])
      const name = answer['printer-attributes-tag']?.['printer-name']
      return answer.statusCode === 'successful-ok' && typeof name === 'string' ? name : null
    },
    async attributes(name) {
      const answer = await execute(
        `/printers/${encodeURIComponent(name)}`,
        'Get-Printer-Attributes',
        wanted,
      )
      if (answer.statusCode !== 'successful-ok') return null
      return (answer['printer-attributes-tag'] ?? {}) as PrinterAttributes
    },
  }
}
