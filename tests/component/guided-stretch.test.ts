import type { VueWrapper } from '@vue/test-utils'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import GuidedStretchView from '@/views/GuidedStretchView.vue'
import { useActivityStore } from '@/stores/useActivityStore'
import { mountKiosk } from './mount-kiosk'

const action = (wrapper: VueWrapper) => wrapper.get('[data-testid="stretch-action"]')
const shown = (wrapper: VueWrapper, id: string) =>
  wrapper.get(`[data-testid="stretch-${id}"]`).text()

async function holdFor(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms)
}

describe('guided stretch view', () => {
  // Only the clock and the interval are faked, so mounting and routing still settle normally.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the drawing, the steps, the warning and a full timer for the stretch', async () => {
    const { wrapper } = await mountKiosk(GuidedStretchView, {
      path: '/stretches/knee-to-chest',
      props: { id: 'knee-to-chest' },
    })
    expect(wrapper.get('h1').text()).toBe('Knee to chest')
    expect(wrapper.get('img').attributes('alt')).toBe(
      'A person lies on their back with both knees bent and hugs one knee to their chest.',
    )
    expect(wrapper.findAll('.guided-steps li')).toHaveLength(2)
    expect(shown(wrapper, 'warning')).toContain('Stop if it hurts more')
    expect(shown(wrapper, 'alternative')).toContain('Chair version')
    expect(shown(wrapper, 'alternative')).toContain('lift one knee a little')
    expect(shown(wrapper, 'repetition')).toBe('Repetition 1 of 3')
    expect(wrapper.get('[role="timer"]').text()).toContain('20')
    expect(action(wrapper).text()).toBe('Start')
    expect(wrapper.find('[data-testid="stretch-previous"]').exists()).toBe(false)
  })

  it('counts a hold down, pauses and resumes, then rests before the next repetition', async () => {
    const { wrapper } = await mountKiosk(GuidedStretchView, {
      path: '/stretches/knee-to-chest',
      props: { id: 'knee-to-chest' },
    })
    const timer = () => wrapper.get('.timer-digits').text()

    await action(wrapper).trigger('click')
    expect(action(wrapper).text()).toBe('Pause')
    expect(shown(wrapper, 'status')).toBe('Hold the stretch for 20 seconds.')
    expect(useActivityStore().busy).toBe(true)
    await holdFor(5000)
    expect(timer()).toBe('15')

    await action(wrapper).trigger('click')
    expect(action(wrapper).text()).toBe('Resume')
    await holdFor(8000)
    expect(timer()).toBe('15')
    expect(useActivityStore().busy).toBe(false)

    await action(wrapper).trigger('click')
    await holdFor(15_000)
    expect(shown(wrapper, 'repetition')).toBe('Repetition 2 of 3')
    expect(timer()).toBe('20')
    expect(action(wrapper).text()).toBe('Start')
    expect(shown(wrapper, 'status')).toContain('Rest, then touch Start for repetition 2')
    expect(useActivityStore().busy).toBe(false)
  })

  it('says well done after the last repetition, and can do it again', async () => {
    const { wrapper } = await mountKiosk(GuidedStretchView, {
      path: '/stretches/knee-to-chest',
      props: { id: 'knee-to-chest' },
    })
    for (let rep = 1; rep <= 3; rep++) {
      await action(wrapper).trigger('click')
      await holdFor(20_000)
    }
    expect(shown(wrapper, 'status')).toBe('Well done! You finished this stretch.')
    expect(shown(wrapper, 'repetition')).toBe('Repetition 3 of 3')
    expect(action(wrapper).text()).toBe('Do it again')

    await action(wrapper).trigger('click')
    expect(shown(wrapper, 'repetition')).toBe('Repetition 1 of 3')
    expect(action(wrapper).text()).toBe('Pause')
  })

  it('moves to the next stretch, stopping a running timer', async () => {
    const Host = defineComponent({ render: () => h(RouterView) })
    const { wrapper, router } = await mountKiosk(Host, { path: '/stretches/knee-to-chest' })
    await flushPromises()
    await action(wrapper).trigger('click')
    await holdFor(3000)
    expect(useActivityStore().busy).toBe(true)

    await wrapper.get('[data-testid="stretch-next"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.params.id).toBe('cat-cow')
    expect(wrapper.get('h1').text()).toBe('Cat and cow')
    expect(wrapper.get('.timer-digits').text()).toBe('20')
    expect(action(wrapper).text()).toBe('Start')
    expect(useActivityStore().busy).toBe(false)

    await wrapper.get('[data-testid="stretch-previous"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe('Knee to chest')
  })

  it('says so for a stretch that does not exist', async () => {
    const { wrapper } = await mountKiosk(GuidedStretchView, {
      path: '/stretches/nope',
      props: { id: 'nope' },
    })
    expect(wrapper.text()).toContain('This stretch is not available')
    expect(wrapper.find('[data-testid="stretch-all"]').exists()).toBe(true)
  })
})
