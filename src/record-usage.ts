import type { UsageEvent } from '@shared/contract'
import { kiosk } from './platform'

/** Counts an anonymous usage event; a failure to count must never disturb the visitor. */
export function recordUsage(event: UsageEvent): void {
  kiosk.recordUsage(event).catch((error: unknown) => console.warn('usage event not counted', error))
}
