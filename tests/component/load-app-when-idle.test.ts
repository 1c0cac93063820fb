import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadAppWhenIdle, settleMs } from '@/start/load-app-when-idle'

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  window.location.hash = ''
})

describe("the app's code on the start screen", () => {
  it('waits until the painted start screen has settled, then loads once', () => {
    const load = vi.fn()
    loadAppWhenIdle(document, load)
    vi.advanceTimersByTime(settleMs - 1)
    expect(load).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(load).toHaveBeenCalledTimes(1)
    document.dispatchEvent(new Event('pointerdown'))
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('loads at the first touch, so a visitor who taps at once is not kept waiting', () => {
    const load = vi.fn()
    loadAppWhenIdle(document, load)
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    expect(load).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(settleMs)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('loads at once for any other screen, which only the app can show', () => {
    window.location.hash = '#/admin'
    const load = vi.fn()
    loadAppWhenIdle(document, load)
    expect(load).toHaveBeenCalledTimes(1)
  })
})
