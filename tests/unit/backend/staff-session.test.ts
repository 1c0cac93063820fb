import { describe, expect, it, vi } from 'vitest'
import { createStaffSession } from '../../../electron/backend/staff-session'

function sessionWithClock(timeoutSeconds = 120) {
  const clock = { now: 1_000_000, timeoutMs: timeoutSeconds * 1000 }
  const onExpire = vi.fn()
  const session = createStaffSession({
    idleTimeoutMs: () => clock.timeoutMs,
    now: () => clock.now,
    onExpire,
  })
  return { session, clock, onExpire }
}

describe('staff session', () => {
  it('is closed until started, and closed again once ended', () => {
    const { session } = sessionWithClock()
    expect(session.isActive()).toBe(false)
    expect(session.touch()).toBe(false)
    session.start()
    expect(session.isActive()).toBe(true)
    session.end()
    expect(session.isActive()).toBe(false)
  })

  it('closes after the idle timeout without staff activity', () => {
    const { session, clock, onExpire } = sessionWithClock(120)
    session.start()
    clock.now += 119_999
    expect(session.isActive()).toBe(true)
    clock.now += 1
    expect(session.isActive()).toBe(false)
    expect(onExpire).toHaveBeenCalledTimes(1)
    // Once closed, activity does not reopen it: staff must sign in again.
    expect(session.touch()).toBe(false)
    expect(onExpire).toHaveBeenCalledTimes(1)
  })

  it('slides: each staff call keeps it open for another full timeout', () => {
    const { session, clock } = sessionWithClock(120)
    session.start()
    for (let i = 0; i < 5; i++) {
      clock.now += 100_000
      expect(session.touch()).toBe(true)
    }
    clock.now += 119_000
    expect(session.isActive()).toBe(true)
    clock.now += 1_000
    expect(session.isActive()).toBe(false)
  })

  it('asking whether it is open does not keep it open', () => {
    const { session, clock } = sessionWithClock(120)
    session.start()
    clock.now += 100_000
    expect(session.isActive()).toBe(true)
    clock.now += 20_000
    expect(session.isActive()).toBe(false)
  })

  it('follows a changed timeout at once', () => {
    const { session, clock } = sessionWithClock(300)
    session.start()
    clock.now += 60_000
    expect(session.isActive()).toBe(true)
    clock.timeoutMs = 30_000
    expect(session.isActive()).toBe(false)
  })

  it('closes if the clock jumps backwards', () => {
    const { session, clock } = sessionWithClock()
    session.start()
    clock.now -= 60 * 60_000
    expect(session.isActive()).toBe(false)
  })
})
