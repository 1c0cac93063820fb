export interface StaffSessionOptions {
  /** Read on every check, so a new staff idle timeout in settings applies to a session under way. */
  idleTimeoutMs: () => number
  now?: () => number
  /** Called once when a session is found to have run out, e.g. to note it in the audit log. */
  onExpire?: () => void
}

export interface StaffSession {
  /** Signs staff in (again): the idle time starts from now. */
  start(): void
  /** Whether staff are signed in. Asking does not count as staff activity. */
  isActive(): boolean
  /** Staff did something: keeps an active session open for another idle timeout. */
  touch(): boolean
  end(): void
}

/**
 * The staff sign-in, kept in the main process because that is where it can be trusted: the
 * renderer's route guard only decides what to draw. The session slides: it closes once staff
 * have made no staff call for the clinic's staff idle timeout, so a walked-away tablet locks.
 */
export function createStaffSession(options: StaffSessionOptions): StaffSession {
  const now = options.now ?? Date.now
  let lastActivity: number | null = null

  function isActive(): boolean {
    if (lastActivity === null) return false
    const idle = now() - lastActivity
    // A clock set backwards would otherwise keep a session open for as long as the jump.
    if (idle < 0 || idle >= options.idleTimeoutMs()) {
      lastActivity = null
      options.onExpire?.()
      return false
    }
    return true
  }

  return {
    start: () => {
      lastActivity = now()
    },
    isActive,
    touch: () => {
      if (!isActive()) return false
      lastActivity = now()
      return true
    },
    end: () => {
      lastActivity = null
    },
  }
}
