import type { PrintFailureReason } from '../shared/contract'

/**
 * Plain words for a visitor standing at the kiosk: what went wrong and what to do. Staff
 * see the technical detail in the log.
 */
export const printFailureMessages: Record<PrintFailureReason, string> = {
  'no-printer': 'This kiosk has no printer set up yet. Please ask at the front desk.',
  'printer-not-found': 'The printer cannot be found. It may be turned off or unplugged.',
  'printer-failed':
    'The printer could not print your sheet. It may be off, offline or out of paper.',
  timeout: 'The printer did not answer in time. It may be busy, off or offline.',
  'daily-limit':
    'The kiosk has printed all the sheets it may print today. Please ask at the front desk.',
  'not-ready': 'The sheet could not be prepared for printing. Please try again.',
}

/** Chromium's print callback reasons, mapped to what the visitor is told. */
export function reasonForPrintFailure(failureReason: string): PrintFailureReason {
  return /no valid printer|not found|invalid printer/i.test(failureReason)
    ? 'printer-not-found'
    : 'printer-failed'
}
