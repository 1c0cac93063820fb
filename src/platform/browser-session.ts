export const signInRequired = 'Staff sign-in is required'

/**
 * The staff session, in memory only: a reload or a closed tab always ends it. It slides, so
 * staff stay signed in while they work and are signed out after the clinic's staff idle time.
 */
export function createSession(options: {
  now: () => number
  /** Read at each check, so a new staff idle time applies at once. */
  timeoutMs: () => number
  /** Told once when a session ran out without anyone signing out. */
  onExpire?: () => void
}) {
  let lastActive: number | null = null

  function active(): boolean {
    if (lastActive === null) return false
    const idle = options.now() - lastActive
    // A clock set backwards would otherwise keep a session open for as long as the jump.
    if (idle >= 0 && idle < options.timeoutMs()) return true
    lastActive = null
    options.onExpire?.()
    return false
  }

  return {
    active,
    start(): void {
      lastActive = options.now()
    },
    /** Ends the session; true when there was one to end. */
    end(): boolean {
      const was = active()
      lastActive = null
      return was
    },
    /** Guards every staff-only call, and counts it as staff activity. */
    require(): void {
      if (!active()) throw new Error(signInRequired)
      lastActive = options.now()
    },
  }
}
export type Session = ReturnType<typeof createSession>
