import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { Block } from '@shared/content-schema'
import ContentBlock from '@/components/content/ContentBlock.vue'
import { illustrationUrl } from '@/components/content/illustrations'
import { sheetPages } from '@/components/print/sheet-pages'
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

  it('renders a chair version under its stretch, with its own drawing and steps', () => {
    const wrapper = render({
      kind: 'stretch',
      id: 'bridge',
      title: 'Bridge',
      illustration: 'stretch-bridge',
      alt: 'Lying on the back with hips lifted',
      steps: ['Lie on your back.'],
      holdSeconds: 5,
      repetitions: 5,
      alternative: {
        title: 'Chair version',
        illustration: 'chair-sit-to-stand',
        alt: 'Standing up from a chair',
        steps: ['Stand up slowly.'],
      },
    })
    const chair = wrapper.get('.stretch-alternative')
    expect(chair.get('h4').text()).toBe('Chair version')
    expect(chair.get('img').attributes('alt')).toBe('Standing up from a chair')
    expect(chair.get('img').attributes('src')).toBe(illustrationUrl('chair-sit-to-stand'))
    expect(chair.findAll('li').map((li) => li.text())).toEqual(['Stand up slowly.'])
  })

  it('renders the main points as a boxed list', () => {
    const wrapper = render({ kind: 'summary', title: 'The main points', items: ['Keep moving.'] })
    expect(wrapper.get('section').classes()).toContain('block-summary')
    expect(wrapper.get('h3').text()).toBe('The main points')
    expect(wrapper.get('li').text()).toBe('Keep moving.')
  })

  it('renders a plan box with a line to write on for each field', () => {
    const wrapper = render({
      kind: 'plan',
      title: 'My plan',
      text: 'Fill this in.',
      fields: ['My medicine:', 'Follow-up visit:'],
    })
    expect(wrapper.findAll('dt').map((dt) => dt.text())).toEqual([
      'My medicine:',
      'Follow-up visit:',
    ])
    expect(wrapper.findAll('dd.plan-line')).toHaveLength(2)
    expect(wrapper.findAll('dd.plan-line').every((dd) => dd.text() === '')).toBe(true)
  })

  it('renders a log as a table of tick boxes, a row per thing and a column per day', () => {
    const wrapper = render({
      kind: 'log',
      title: 'My stretch log',
      text: 'Tick a box each time.',
      rows: ['Morning', 'Evening'],
      days: 7,
    })
    expect(wrapper.findAll('th[scope="col"]').map((th) => th.text())).toEqual(
      Array.from({ length: 7 }, (_, i) => `Day ${i + 1}`),
    )
    expect(wrapper.findAll('th[scope="row"]').map((th) => th.text())).toEqual([
      'Morning',
      'Evening',
    ])
    expect(wrapper.findAll('.log-box')).toHaveLength(14)
  })

  it('shows nothing on screen for a printed page break', () => {
    expect(render({ kind: 'page-break' }).text()).toBe('')
  })
})

describe('printed pages', () => {
  it('splits a sheet where it has a page break, and never leaves an empty page', () => {
    const a: Block = { kind: 'paragraph', text: 'A.' }
    const b: Block = { kind: 'paragraph', text: 'B.' }
    const pageBreak: Block = { kind: 'page-break' }
    expect(sheetPages([a, pageBreak, b])).toEqual([[a], [b]])
    expect(sheetPages([a, b])).toEqual([[a, b]])
    expect(sheetPages([pageBreak, a, pageBreak, pageBreak])).toEqual([[a]])
  })
})
