import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { useHoldTimer } from '@/composables/useHoldTimer'
import { useActivityStore } from '@/stores/useActivityStore'

/** A component that only holds a timer, so the timer lives and dies with a real mount. */
function mountTimer(seconds = 20) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const onFinish = vi.fn()
  const length = ref(seconds)
  let timer!: ReturnType<typeof useHoldTimer>
  const Host = defineComponent({
    setup() {
      timer = useHoldTimer({ seconds: length, onFinish })
      return () => h('p', String(timer.remaining.value))
    },
  })
  const wrapper = mount(Host, { global: { plugins: [pinia] } })
  return { wrapper, timer, onFinish, length, activity: useActivityStore() }
}

describe('hold timer', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the full hold before it starts, then counts down each second', async () => {
    const { wrapper, timer } = mountTimer(20)
    expect(wrapper.text()).toBe('20')
    expect(timer.running.value).toBe(false)

    timer.start()
    expect(timer.running.value).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(wrapper.text()).toBe('19')
    await vi.advanceTimersByTimeAsync(5000)
    expect(wrapper.text()).toBe('14')
  })

  it('holds still while paused and goes on from there on resume', async () => {
    const { wrapper, timer } = mountTimer(20)
    timer.start()
    await vi.advanceTimersByTimeAsync(3000)
    timer.pause()
    expect(timer.running.value).toBe(false)
    expect(timer.paused.value).toBe(true)

    await vi.advanceTimersByTimeAsync(10_000)
    expect(wrapper.text()).toBe('17')

    timer.resume()
    await vi.advanceTimersByTimeAsync(2000)
    expect(wrapper.text()).toBe('15')
    expect(timer.paused.value).toBe(false)
  })

  it('finishes at zero, tells the caller once, and stops', async () => {
    const { wrapper, timer, onFinish } = mountTimer(5)
    timer.start()
    await vi.advanceTimersByTimeAsync(4900)
    expect(onFinish).not.toHaveBeenCalled()
    expect(wrapper.text()).toBe('1')

    await vi.advanceTimersByTimeAsync(200)
    expect(wrapper.text()).toBe('0')
    expect(timer.running.value).toBe(false)
    expect(timer.paused.value).toBe(false)
    expect(onFinish).toHaveBeenCalledTimes(1)

    await vi.advanceTimersByTimeAsync(10_000)
    expect(onFinish).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('starts a fresh full hold after finishing, and reset shows the full hold again', async () => {
    const { wrapper, timer, length } = mountTimer(5)
    timer.start()
    await vi.advanceTimersByTimeAsync(6000)
    timer.start()
    await vi.advanceTimersByTimeAsync(1000)
    expect(wrapper.text()).toBe('4')

    length.value = 30
    timer.reset()
    await vi.advanceTimersByTimeAsync(5000)
    expect(wrapper.text()).toBe('30')
    expect(timer.running.value).toBe(false)
  })

  it('keeps the kiosk busy only while the timer runs', async () => {
    const { timer, activity } = mountTimer(5)
    expect(activity.busy).toBe(false)

    timer.start()
    expect(activity.reasons).toEqual(['stretch-timer'])
    timer.pause()
    expect(activity.busy).toBe(false)
    timer.resume()
    expect(activity.busy).toBe(true)
    timer.reset()
    expect(activity.busy).toBe(false)

    timer.start()
    await vi.advanceTimersByTimeAsync(5000)
    expect(activity.busy).toBe(false)
  })

  it('does not end activity that belongs to something else', () => {
    const { timer, activity } = mountTimer(5)
    activity.begin('printing')
    timer.start()
    timer.pause()
    expect(activity.reasons).toEqual(['printing'])
  })

  it('stops and frees the kiosk when its screen goes away mid-hold', async () => {
    const { wrapper, timer, activity, onFinish } = mountTimer(5)
    timer.start()
    await vi.advanceTimersByTimeAsync(1000)
    wrapper.unmount()

    expect(activity.busy).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(onFinish).not.toHaveBeenCalled()
  })
})
