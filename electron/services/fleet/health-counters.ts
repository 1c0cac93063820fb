import type { PrintResult } from '../../shared/contract'
import type { PrinterStatus } from '../../shared/printer-status'

/**
 * What the kiosk counts about itself for IT: plain numbers read by the metric callbacks.
 * Nothing about any visitor: no pages, languages, times of a visit or printed sheets' topics.
 */
export function createHealthCounters(now: () => Date) {
  const counts = {
    visits: 0,
    idleResets: 0,
    rendererCrashes: 0,
    rendererHangs: 0,
    printSuccesses: 0,
    printFailures: new Map<string, number>(),
    syncFailures: new Map<string, number>(),
  }
  let heartbeatAt: Date | null = null
  let printer: { ok: boolean; reason: string | null } = { ok: true, reason: null }
  /** What the printer last said about itself over IPP, asked before anyone taps Print. */
  let printerHealth: PrinterStatus | null = null
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)

  return {
    counts,
    heartbeatAt: () => heartbeatAt,
    printer: () => printer,
    printerHealth: () => printerHealth,
    heartbeat(): void {
      heartbeatAt = now()
    },
    visit(): void {
      counts.visits += 1
    },
    idleReset(): void {
      counts.idleResets += 1
    },
    rendererGone(kind: 'crash' | 'hang'): void {
      if (kind === 'crash') counts.rendererCrashes += 1
      else counts.rendererHangs += 1
    },
    printed(result: PrintResult): void {
      if (result.ok) counts.printSuccesses += 1
      else bump(counts.printFailures, result.reason)
      printer = result.ok ? { ok: true, reason: null } : { ok: false, reason: result.reason }
    },
    printerChecked(status: PrinterStatus): void {
      printerHealth = status
    },
    syncFailed(reason: string): void {
      bump(counts.syncFailures, reason)
    },
  }
}
export type HealthCounters = ReturnType<typeof createHealthCounters>
