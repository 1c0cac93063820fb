import { useActivityStore } from './useActivityStore'
import { usePrintStore } from './usePrintStore'
import { useReadAloudStore } from './useReadAloudStore'
import { useVisitStore } from './useVisitStore'

/**
 * Creates every visitor store at start-up, so the state right after a cold start already
 * holds all of them and a walk-away reset can be checked against it.
 */
export function createVisitStores(): void {
  useVisitStore()
  useActivityStore()
  usePrintStore()
  useReadAloudStore()
}
