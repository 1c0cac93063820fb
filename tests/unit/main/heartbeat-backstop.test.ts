import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHeartbeatBackstop } from '../../../electron/main/heartbeat-backstop'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('heartbeat backstop', () => {
  it('recovers the page after three idle timeouts without a heartbeat', () => {
    const recover = vi.fn()
    createHeartbeatBackstop({ idleTimeoutMs: () => 90_000, recover })
    vi.advanceTimersByTime(265_000)
    expect(recover).not.toHaveBeenCalled()
    vi.advanceTimersByTime(5_000)
    expect(recover).toHaveBeenCalledTimes(1)
    expect(recover.mock.calls[0]?.[0]).toMatch(/no heartbeat from the kiosk page for 270 s/)
  })

  it('does nothing while heartbeats keep coming', () => {
    const recover = vi.fn()
    const backstop = createHeartbeatBackstop({ idleTimeoutMs: () => 90_000, recover })
    for (let i = 0; i < 100; i += 1) {
      vi.advanceTimersByTime(10_000)
      backstop.beat()
    }
    expect(recover).not.toHaveBeenCalled()
  })

  it('uses the current idle timeout, and waits a full period again after recovering', () => {
    const recover = vi.fn()
    let timeout = 90_000
    createHeartbeatBackstop({ idleTimeoutMs: () => timeout, recover })
    timeout = 30_000
    vi.advanceTimersByTime(90_000)
    expect(recover).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(85_000)
    expect(recover).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(5_000)
    expect(recover).toHaveBeenCalledTimes(2)
  })

  it('stops watching when stopped', () => {
    const recover = vi.fn()
    createHeartbeatBackstop({ idleTimeoutMs: () => 30_000, recover }).stop()
    vi.advanceTimersByTime(600_000)
    expect(recover).not.toHaveBeenCalled()
  })
})
