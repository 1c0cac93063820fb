import type { UsageEvent } from '@shared/contract'
import { kioskApi } from './index'

/** Counts an anonymous usage event; a failure to count must never disturb the visitor. */
export function recordUsage(event: UsageEvent): void {
  void kioskApi()
    .then((api) => api.recordUsage(event))
    .catch((error: unknown) => console.warn('usage event not counted', error))
}
