import type { HealthCounters } from '../services/fleet/health-counters'
import type { Handlers } from './backend-context'

const limitReasons = new Set(['daily-limit', 'visit-limit'])

/**
 * The health metrics listen to the visitor handlers from outside, so the handlers keep one
 * job: heartbeats, started visits, walk-away resets and print results are counted here.
 */
export function withHealthTaps(counters: HealthCounters, handlers: Handlers): Handlers {
  return {
    ...handlers,
    heartbeat: async () => {
      counters.heartbeat()
      return handlers.heartbeat()
    },
    recordUsage: async (event) => {
      if (event.type === 'visit') counters.visit()
      if (event.type === 'idle-reset') counters.idleReset()
      return handlers.recordUsage(event)
    },
    printSheet: async (request) => {
      const result = await handlers.printSheet(request)
      // A print limit is the clinic's rule, not a printer problem.
      if (result.ok || !limitReasons.has(result.reason)) counters.printed(result)
      return result
    },
  }
}
