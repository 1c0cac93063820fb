import type { Router } from 'vue-router'
import type { Locale } from '@shared/content-schema'
import { recordUsage } from '@/record-usage'

/** "Touch to start": a visit begins, in the language on screen, at the home screen. */
export function startVisit(router: Router, locale: Locale): Promise<unknown> {
  recordUsage({ type: 'visit' })
  recordUsage({ type: 'language', locale })
  return router.push({ name: 'home' })
}
