/**
 * The walk-away logic, free of timers and DOM so it can be tested step by step: the caller
 * reports activity and ticks with the current time, and acts on what `tick` returns.
 */
export interface IdleOptions {
  timeoutMs: number
  warningMs: number
  /** The longest a pause (printing, a stretch timer) may hold off the reset. */
  pauseCapMs: number
}

export type IdlePhase = 'active' | 'warning'
export type IdleEvent = 'none' | 'warn' | 'reset'

export interface IdleState {
  phase: IdlePhase
  lastActivity: number
  warningSince: number | null
  pausedSince: number | null
}

export function initialIdleState(now: number): IdleState {
  return { phase: 'active', lastActivity: now, warningSince: null, pausedSince: null }
}

/** Any touch, key, wheel or scroll: the visitor is here, so a warning is dismissed too. */
export function recordActivity(state: IdleState, now: number): IdleState {
  return { ...state, phase: 'active', lastActivity: now, warningSince: null }
}

export function tick(
  state: IdleState,
  now: number,
  options: IdleOptions,
  context: { enabled: boolean; paused: boolean },
): { state: IdleState; event: IdleEvent } {
  if (!context.enabled) return { state: initialIdleState(now), event: 'none' }

  let next = state
  if (context.paused) {
    const pausedSince = state.pausedSince ?? now
    next = { ...next, pausedSince }
    // Within the cap a pause counts as activity; past it, the kiosk resets as usual.
    if (now - pausedSince < options.pauseCapMs)
      return { state: recordActivity(next, now), event: 'none' }
  } else if (state.pausedSince !== null) {
    next = { ...next, pausedSince: null }
  }

  if (next.phase === 'active' && now - next.lastActivity >= options.timeoutMs) {
    return { state: { ...next, phase: 'warning', warningSince: now }, event: 'warn' }
  }
  if (
    next.phase === 'warning' &&
    next.warningSince !== null &&
    now - next.warningSince >= options.warningMs
  ) {
    return { state: initialIdleState(now), event: 'reset' }
  }
  return { state: next, event: 'none' }
}

/** Whole seconds left on the warning's countdown, for the dialog. */
export function warningSecondsLeft(state: IdleState, now: number, options: IdleOptions): number {
  if (state.phase !== 'warning' || state.warningSince === null)
    return Math.ceil(options.warningMs / 1000)
  return Math.max(0, Math.ceil((options.warningMs - (now - state.warningSince)) / 1000))
}
