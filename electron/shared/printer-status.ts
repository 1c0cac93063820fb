/**
 * A printer's health as the kiosk sees it, from the printer's own IPP attributes. Codes only:
 * the renderer words them. Kept free of zod, so the page can read the constants cheaply.
 */

/** 'down': known not to print now; 'unknown': could not be asked; 'none': no printer chosen. */
export const printerStates = ['ready', 'busy', 'down', 'unknown', 'none'] as const
type PrinterState = (typeof printerStates)[number]

/** Why a printer is down or needs a look, from IPP printer-state-reasons (RFC 8011 §5.4.12). */
export const printerProblems = [
  'stopped',
  'not-accepting',
  'media-empty',
  'media-jam',
  'media-needed',
  'offline',
  'door-open',
  'toner-empty',
  'shutdown',
  'other',
] as const
type PrinterProblem = (typeof printerProblems)[number]

export interface PrinterStatus {
  /** The queue asked, or null when there is none to ask. */
  printer: string | null
  state: PrinterState
  problems: PrinterProblem[]
  checkedAt: string
}

/** How often the kiosk asks its printer, and so how soon a visitor is no longer offered Print. */
export const printerCheckIntervalMs = 10_000

/** The part of Get-Printer-Attributes the kiosk reads, as an IPP client parses it. */
export interface PrinterAttributes {
  'printer-state'?: string | number
  'printer-state-reasons'?: string | string[]
  'printer-is-accepting-jobs'?: boolean
}

const reasonProblem: Record<string, PrinterProblem> = {
  'media-empty': 'media-empty',
  'media-jam': 'media-jam',
  'media-needed': 'media-needed',
  offline: 'offline',
  'door-open': 'door-open',
  'cover-open': 'door-open',
  'toner-empty': 'toner-empty',
  'marker-supply-empty': 'toner-empty',
  shutdown: 'shutdown',
  paused: 'stopped',
}

/**
 * Reads a printer's attributes the way a person at the front desk would: stopped, not taking
 * jobs, or any reason that means it cannot print (out of paper, jammed, offline…, whatever
 * its severity suffix says) is "down"; a "-warning" or "-report" about anything else is not.
 */
export function printerHealth(
  attributes: PrinterAttributes,
): Pick<PrinterStatus, 'state' | 'problems'> {
  const problems = new Set<PrinterProblem>()
  const state = attributes['printer-state']
  if (state === 'stopped' || state === 5) problems.add('stopped')
  if (attributes['printer-is-accepting-jobs'] === false) problems.add('not-accepting')
  const reasons = [attributes['printer-state-reasons'] ?? []].flat()
  for (const reason of reasons) {
    if (reason === 'none') continue
    const base = reason.replace(/-(error|warning|report)$/, '')
    const known = reasonProblem[base]
    if (known) problems.add(known)
    else if (reason.endsWith('-error')) problems.add('other')
  }
  const busy = state === 'processing' || state === 4
  return {
    state: problems.size > 0 ? 'down' : busy ? 'busy' : 'ready',
    problems: [...problems],
  }
}
