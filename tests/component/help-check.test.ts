import type { VueWrapper } from '@vue/test-utils'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerGuardMs } from '@/components/help-check/help-check-flow'
import HelpCheckView from '@/views/HelpCheckView.vue'
import { useContentStore } from '@/stores/useContentStore'
import { useSettingsStore } from '@/stores/useSettingsStore'
import { mountKiosk } from './mount-kiosk'

async function openCheck() {
  const mounted = await mountKiosk(HelpCheckView, { path: '/help-check' })
  // Only timeouts are faked, so each question's tap guard can be run past at once.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  await mounted.wrapper.get('[data-testid="help-check-start"]').trigger('click')
  return mounted
}

/** Answers as a person does: after the new question has been on screen for a moment. */
async function answer(wrapper: VueWrapper, ...answers: ('yes' | 'no' | 'unsure')[]): Promise<void> {
  for (const value of answers) {
    vi.advanceTimersByTime(answerGuardMs)
    await flushPromises()
    await wrapper.get(`[data-testid="help-check-${value}"]`).trigger('click')
  }
}

afterEach(() => {
  vi.useRealTimers()
})

const no = (count: number) => Array.from({ length: count }, () => 'no' as const)

describe('help check view', () => {
  it('introduces the check, says how many questions it has and that it is not a diagnosis', async () => {
    const { wrapper } = await mountKiosk(HelpCheckView, { path: '/help-check' })
    expect(wrapper.get('h1').text()).toBe('Should I get help?')
    expect(wrapper.get('[data-testid="help-check-count"]').text()).toBe(
      'It has 35 questions, one sign each. It stops early if an answer means you need help now.',
    )
    expect(wrapper.text()).toContain('Touch Yes, No or Not sure')
    expect(wrapper.get('[data-testid="help-check-disclaimer"]').text()).toContain(
      'It is not a diagnosis',
    )
    expect(wrapper.find('[data-testid="help-check-question"]').exists()).toBe(false)
  })

  it('asks the emergency questions first, one at a time, with progress', async () => {
    const { wrapper } = await openCheck()
    expect(wrapper.get('[data-testid="help-check-progress"]').text()).toBe('Question 1 of 35')
    expect(wrapper.get('h2').text()).toContain('weakness in both legs')
    expect(wrapper.findAll('[data-testid="help-check-question"]')).toHaveLength(1)
    expect(wrapper.get('[data-testid="help-check-unsure"]').text()).toBe('Not sure')
    // On the first question Previous is there but does nothing, so nothing moves on the next.
    expect(wrapper.get('[data-testid="help-check-previous"]').attributes('disabled')).toBeDefined()

    await answer(wrapper, 'no')
    expect(wrapper.get('[data-testid="help-check-progress"]').text()).toBe('Question 2 of 35')
    expect(wrapper.get('h2').text()).toContain('one of your legs weak')
  })

  it('says a private question is answered by touch, with nothing said out loud', async () => {
    const { wrapper } = await openCheck()
    expect(wrapper.find('[data-testid="help-check-private"]').exists()).toBe(false)
    await answer(wrapper, ...no(3))
    expect(wrapper.get('h2').text()).toContain('numbness or tingling between your legs')
    expect(wrapper.get('[data-testid="help-check-private"]').text()).toContain(
      'You do not need to say anything out loud',
    )
  })

  it('sends "not sure" about an emergency sign to the front desk once the emergency signs are done', async () => {
    const { wrapper } = await openCheck()
    await answer(wrapper, 'unsure', ...no(12))
    expect(wrapper.get('[data-testid="help-check-progress"]').text()).toBe('Question 14 of 14')
    await answer(wrapper, 'no')
    const outcome = wrapper.get('[data-testid="help-check-outcome"]')
    expect(outcome.attributes('data-outcome')).toBe('ask-now')
    expect(outcome.get('h2').text()).toBe('Ask the front desk now')
    expect(outcome.get('.block-callout').classes()).toContain('tone-emergency')
    expect(outcome.text()).toContain('call 911')
  })

  it('ignores a double tap, so it cannot answer the next question unseen', async () => {
    const { wrapper } = await openCheck()
    await answer(wrapper, 'no')
    expect(wrapper.get('[data-testid="help-check-progress"]').text()).toBe('Question 2 of 35')
    await wrapper.get('[data-testid="help-check-no"]').trigger('click')
    expect(wrapper.get('[data-testid="help-check-progress"]').text()).toBe('Question 2 of 35')
    expect(wrapper.get('h2').text()).toContain('one of your legs weak')
  })

  it('shows the emergency outcome at once, with the clinic emergency number', async () => {
    const { wrapper } = await openCheck()
    await answer(wrapper, 'no', 'yes')
    const outcome = wrapper.get('[data-testid="help-check-outcome"]')
    expect(outcome.get('h2').text()).toBe('Get emergency help now')
    expect(outcome.get('.block-callout').classes()).toContain('tone-emergency')
    expect(outcome.text()).toContain('Call 911 now')
    expect(outcome.text()).not.toContain('{emergencyNumber}')
    expect(wrapper.find('[data-testid="help-check-question"]').exists()).toBe(false)

    useSettingsStore().settings = { ...useSettingsStore().settings, emergencyNumber: '112' }
    await flushPromises()
    expect(outcome.text()).toContain('Call 112 now')
  })

  it('shows "see a doctor soon" for a yes after all emergency questions were no', async () => {
    const { wrapper } = await openCheck()
    await answer(wrapper, ...no(14))
    expect(wrapper.get('[data-testid="help-check-progress"]').text()).toBe('Question 15 of 35')
    expect(wrapper.get('h2').text()).toContain('fever')
    await answer(wrapper, 'no', 'no', 'no', 'yes')
    const outcome = wrapper.get('[data-testid="help-check-outcome"]')
    expect(outcome.get('h2').text()).toBe('See a doctor soon: today or tomorrow')
    expect(outcome.get('.block-callout').classes()).toContain('tone-warning')
    expect(outcome.text()).toContain('call 911')
  })

  it('shows home care and when to book a visit when every answer is no', async () => {
    const { wrapper } = await openCheck()
    await answer(wrapper, ...no(35))
    const outcome = wrapper.get('[data-testid="help-check-outcome"]')
    expect(outcome.get('h2').text()).toBe('Care for yourself at home')
    expect(outcome.get('.block-callout').classes()).toContain('tone-info')
    expect(outcome.findAll('li').length).toBeGreaterThan(2)
    expect(outcome.text()).toContain('It is not a diagnosis')
  })

  it('goes back to the previous question, and starts again from the outcome', async () => {
    const { wrapper } = await openCheck()
    await answer(wrapper, 'no', 'no')
    await wrapper.get('[data-testid="help-check-previous"]').trigger('click')
    expect(wrapper.get('[data-testid="help-check-progress"]').text()).toBe('Question 2 of 35')
    await answer(wrapper, 'yes')
    expect(wrapper.find('[data-testid="help-check-outcome"]').exists()).toBe(true)

    await wrapper.get('[data-testid="help-check-restart"]').trigger('click')
    expect(wrapper.find('[data-testid="help-check-outcome"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="help-check-progress"]').text()).toBe('Question 1 of 35')
  })

  it('takes the words of its questions from the content', async () => {
    const { wrapper } = await mountKiosk(HelpCheckView, { path: '/help-check' })
    const store = useContentStore()
    const en = store.byLocale.en!
    store.byLocale = {
      en: {
        ...en,
        helpCheck: {
          ...en.helpCheck,
          questions: en.helpCheck.questions.map((q) =>
            q.id === 'both-legs' ? { ...q, text: 'Are both of your legs weak or numb?' } : q,
          ),
        },
      },
    }
    await flushPromises()
    await wrapper.get('[data-testid="help-check-start"]').trigger('click')
    expect(wrapper.get('[data-testid="help-check-progress"]').text()).toBe('Question 1 of 35')
    expect(wrapper.get('h2').text()).toBe('Are both of your legs weak or numb?')
  })
})
