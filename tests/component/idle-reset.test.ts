import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { useIdleReset } from '@/composables/useIdleReset'

const second = 1000

function harness(options: { timeoutMs?: number; warningMs?: number; pauseCapMs?: number } = {}) {
  const enabled = ref(true)
  const paused = ref(false)
  const onReset = vi.fn()
  let idle!: ReturnType<typeof useIdleReset>
  mount(
    defineComponent({
      setup() {
        idle = useIdleReset({
          timeoutMs: options.timeoutMs ?? 90 * second,
          warningMs: options.warningMs ?? 15 * second,
          pauseCapMs: options.pauseCapMs ?? 300 * second,
          enabled,
          paused,
          onReset,
        })
        return () => h('div')
      },
    }),
    { attachTo: document.body },
  )
  return { idle, enabled, paused, onReset }
}

/** A tap: the press, the release and the click that follows. */
const touch = () => {
  for (const type of ['pointerdown', 'pointerup', 'click']) window.dispatchEvent(new Event(type))
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('idle reset', () => {
  it('warns after the timeout, counts down, then resets', () => {
    const { idle, onReset } = harness()
    vi.advanceTimersByTime(89 * second)
    expect(idle.warning.value).toBe(false)
    vi.advanceTimersByTime(1 * second)
    expect(idle.warning.value).toBe(true)
    expect(idle.secondsLeft.value).toBe(15)
    vi.advanceTimersByTime(5 * second)
    expect(idle.secondsLeft.value).toBe(10)
    expect(onReset).not.toHaveBeenCalled()
    vi.advanceTimersByTime(10 * second)
    expect(onReset).toHaveBeenCalledTimes(1)
    expect(idle.warning.value).toBe(false)
  })

  it('counts the warning down one second at a time', () => {
    const { idle } = harness()
    vi.advanceTimersByTime(90 * second)
    for (let left = 15; left >= 1; left -= 1) {
      expect(idle.secondsLeft.value).toBe(left)
      vi.advanceTimersByTime(second)
    }
  })

  it('sets no timer at all while disabled, and one while a visitor is there', () => {
    const { enabled } = harness()
    expect(vi.getTimerCount()).toBe(1)
    enabled.value = false
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(3600 * second)
    expect(vi.getTimerCount()).toBe(0)
    enabled.value = true
    expect(vi.getTimerCount()).toBe(1)
  })

  it('notices within 5 s when the clock jumps, as after the computer slept', () => {
    const { idle, onReset } = harness()
    vi.advanceTimersByTime(10 * second)
    vi.setSystemTime(Date.now() + 3600 * second)
    vi.advanceTimersByTime(5 * second)
    expect(idle.warning.value).toBe(true)
    vi.advanceTimersByTime(15 * second)
    expect(onReset).toHaveBeenCalledTimes(1)
  })

  it('restarts the timer on any touch, key, wheel or scroll', () => {
    const { idle } = harness()
    for (const type of ['pointerdown', 'touchstart', 'keydown', 'wheel', 'scroll']) {
      vi.advanceTimersByTime(80 * second)
      window.dispatchEvent(new Event(type))
    }
    vi.advanceTimersByTime(80 * second)
    expect(idle.warning.value).toBe(false)
  })

  it('hears input even when a component stops it from bubbling', () => {
    const { idle } = harness()
    const button = document.createElement('button')
    button.addEventListener('pointerdown', (event) => event.stopPropagation())
    document.body.append(button)
    vi.advanceTimersByTime(80 * second)
    button.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    vi.advanceTimersByTime(80 * second)
    expect(idle.warning.value).toBe(false)
  })

  it('dismisses the warning on any touch, and the visitor stays', () => {
    const { idle, onReset } = harness()
    vi.advanceTimersByTime(95 * second)
    expect(idle.warning.value).toBe(true)
    touch()
    vi.advanceTimersByTime(250)
    expect(idle.warning.value).toBe(false)
    vi.advanceTimersByTime(60 * second)
    expect(onReset).not.toHaveBeenCalled()
  })

  it('keeps the warning up while a finger is only pressing, so the tap cannot land behind it', () => {
    const { idle } = harness()
    vi.advanceTimersByTime(95 * second)
    window.dispatchEvent(new Event('pointerdown'))
    vi.advanceTimersByTime(250)
    expect(idle.warning.value).toBe(true)
    window.dispatchEvent(new Event('click'))
    vi.advanceTimersByTime(250)
    expect(idle.warning.value).toBe(false)
  })

  it('dismisses the warning with "I\'m still here"', () => {
    const { idle, onReset } = harness()
    vi.advanceTimersByTime(100 * second)
    idle.stillHere()
    vi.advanceTimersByTime(89 * second)
    expect(idle.warning.value).toBe(false)
    expect(onReset).not.toHaveBeenCalled()
  })

  it('never times out while disabled, as on the start screen', () => {
    const { idle, enabled, onReset } = harness()
    enabled.value = false
    vi.advanceTimersByTime(3600 * second)
    expect(idle.warning.value).toBe(false)
    expect(onReset).not.toHaveBeenCalled()
    enabled.value = true
    vi.advanceTimersByTime(89 * second)
    expect(idle.warning.value).toBe(false)
  })

  it('waits while paused, then times out normally once the pause ends', () => {
    const { idle, paused, onReset } = harness()
    paused.value = true
    vi.advanceTimersByTime(200 * second)
    expect(idle.warning.value).toBe(false)
    paused.value = false
    vi.advanceTimersByTime(89 * second)
    expect(idle.warning.value).toBe(false)
    vi.advanceTimersByTime(1 * second)
    expect(idle.warning.value).toBe(true)
    vi.advanceTimersByTime(15 * second)
    expect(onReset).toHaveBeenCalledTimes(1)
  })

  it('counts a pause that outlasts the cap only up to the cap', () => {
    const { idle, paused } = harness({ pauseCapMs: 300 * second })
    paused.value = true
    vi.advanceTimersByTime(350 * second)
    paused.value = false
    vi.advanceTimersByTime(39 * second)
    expect(idle.warning.value).toBe(false)
    vi.advanceTimersByTime(1 * second)
    expect(idle.warning.value).toBe(true)
  })

  it('stops waiting at the pause cap, so a forgotten timer cannot block the reset', () => {
    const { idle, paused, onReset } = harness({ pauseCapMs: 300 * second })
    paused.value = true
    vi.advanceTimersByTime(299 * second)
    expect(idle.warning.value).toBe(false)
    vi.advanceTimersByTime(91 * second)
    expect(idle.warning.value).toBe(true)
    vi.advanceTimersByTime(15 * second)
    expect(onReset).toHaveBeenCalledTimes(1)
  })

  it('follows a changed timeout at once', () => {
    const timeout = ref(90 * second)
    const onReset = vi.fn()
    let idle!: ReturnType<typeof useIdleReset>
    mount(
      defineComponent({
        setup() {
          idle = useIdleReset({
            timeoutMs: timeout,
            warningMs: 15 * second,
            enabled: true,
            paused: false,
            onReset,
          })
          return () => h('div')
        },
      }),
    )
    timeout.value = 30 * second
    vi.advanceTimersByTime(30 * second)
    expect(idle.warning.value).toBe(true)
  })
})
