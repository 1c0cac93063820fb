/**
 * The walk-away logic, free of timers and DOM so it can be tested step by step: the caller
 * reports activity, ticks with the current time, acts on what `tick` returns, and sleeps
 * until `nextWakeAt`.
 */
export interface IdleOptions {
  timeoutMs: number
  warningMs: number
  /** The longest a pause (printing, a stretch timer) may hold off the reset. */
  pauseCapMs: number
}

/** What the screen says about timing out now: whether it may at all, and whether it is held. */
export interface IdleContext {
  enabled: boolean
  paused: boolean
}

type IdlePhase = 'active' | 'warning'
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
  context: IdleContext,
): { state: IdleState; event: IdleEvent } {
  if (!context.enabled) return { state: initialIdleState(now), event: 'none' }

  // A pause counts as activity until it ends or reaches the cap, whichever is first; from
  // then on the timeout runs as usual.
  let next = state
  if (context.paused) {
    const pausedSince = state.pausedSince ?? now
    const capEnds = pausedSince + options.pauseCapMs
    if (now < capEnds)
      return { state: { ...recordActivity(state, now), pausedSince }, event: 'none' }
    next = { ...next, pausedSince, lastActivity: Math.max(next.lastActivity, capEnds) }
  } else if (state.pausedSince !== null) {
    const heldUntil = Math.min(now, state.pausedSince + options.pauseCapMs)
    next = { ...next, pausedSince: null, lastActivity: Math.max(next.lastActivity, heldUntil) }
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

/**
 * When `tick` next has something to do: the timeout, the cap of a pause, each second of the
 * warning's countdown, or null while disabled. Between these the kiosk need not wake at all,
 * which is what lets it sit idle all day without spending work on it.
 */
export function nextWakeAt(
  state: IdleState,
  now: number,
  options: IdleOptions,
  context: IdleContext,
): number | null {
  if (!context.enabled) return null
  if (state.phase === 'warning' && state.warningSince !== null) {
    const left = state.warningSince + options.warningMs - now
    return left <= 0 ? now : now + (left % 1000 || 1000)
  }
  const heldUntil =
    context.paused && state.pausedSince !== null
      ? state.pausedSince + options.pauseCapMs
      : Number.NEGATIVE_INFINITY
  return Math.max(state.lastActivity, heldUntil) + options.timeoutMs
}
