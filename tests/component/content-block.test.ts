import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { Block } from '@shared/content-schema'
import ContentBlock from '@/components/content/ContentBlock.vue'
import { illustrationUrl } from '@/components/content/illustrations'
import { createKioskI18n } from '@/i18n'

function render(block: Block) {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(ContentBlock, { props: { block }, global: { plugins: [pinia, createKioskI18n()] } })
}

describe('content blocks', () => {
  it('renders a paragraph as text, never as markup', () => {
    const wrapper = render({ kind: 'paragraph', text: 'Heat helps. <img src=x onerror=alert(1)>' })
    expect(wrapper.get('p').text()).toBe('Heat helps. <img src=x onerror=alert(1)>')
    expect(wrapper.find('img').exists()).toBe(false)
  })

  it('renders a list with its title', () => {
    const wrapper = render({ kind: 'list', title: 'Try this', items: ['Walk.', 'Use heat.'] })
    expect(wrapper.get('h3').text()).toBe('Try this')
    expect(wrapper.findAll('ul > li').map((li) => li.text())).toEqual(['Walk.', 'Use heat.'])
  })

  it.each(['info', 'warning', 'emergency'] as const)(
    'renders a %s callout with its own shape and words',
    (tone) => {
      const wrapper = render({
        kind: 'callout',
        tone,
        title: 'Call {emergencyNumber} now',
        text: 'Now.',
        items: ['A sign.'],
      })
      expect(wrapper.get('section').classes()).toContain(`tone-${tone}`)
      expect(wrapper.get('h3').text()).toBe('Call 911 now')
      expect(wrapper.find('svg.callout-icon').exists()).toBe(true)
      expect(wrapper.findAll('li')).toHaveLength(1)
    },
  )

  it('gives each tone a different icon, so urgency does not rely on colour', () => {
    const icons = (['info', 'warning', 'emergency'] as const).map((tone) =>
      render({ kind: 'callout', tone, title: 'T' }).get('svg').html(),
    )
    expect(new Set(icons).size).toBe(3)
  })

  it('renders steps as a numbered list', () => {
    const wrapper = render({ kind: 'steps', items: ['First.', 'Second.'] })
    expect(wrapper.findAll('ol > li')).toHaveLength(2)
  })

  it('renders an image with its alt text and caption', () => {
    const wrapper = render({
      kind: 'image',
      illustration: 'section-causes',
      alt: 'A person lifting a box',
      caption: 'Lift with care.',
    })
    expect(wrapper.get('img').attributes('alt')).toBe('A person lifting a box')
    expect(wrapper.get('img').attributes('src')).toBe(illustrationUrl('section-causes'))
    expect(illustrationUrl('section-causes')).toBeTruthy()
    expect(wrapper.get('figcaption').text()).toBe('Lift with care.')
  })

  it('renders questions and answers as a description list', () => {
    const wrapper = render({
      kind: 'qa',
      pairs: [{ question: 'Ice or heat?', answer: 'Whichever feels better.' }],
    })
    expect(wrapper.get('dt').text()).toBe('Ice or heat?')
    expect(wrapper.get('dd').text()).toBe('Whichever feels better.')
  })

  it('renders a stretch with its drawing, steps, hold time and repetitions', () => {
    const wrapper = render({
      kind: 'stretch',
      id: 'bridge',
      title: 'Bridge',
      illustration: 'stretch-bridge',
      alt: 'Lying on the back with hips lifted',
      steps: ['Lie on your back.', 'Lift your hips.'],
      holdSeconds: 5,
      repetitions: 5,
    })
    expect(wrapper.get('h3').text()).toBe('Bridge')
    expect(wrapper.get('img').attributes('alt')).toBe('Lying on the back with hips lifted')
    expect(wrapper.findAll('ol > li')).toHaveLength(2)
    expect(wrapper.text()).toContain('Hold 5 seconds, 5 times.')
  })
})
