import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import HomeView from '@/views/HomeView.vue'
import SectionView from '@/views/SectionView.vue'
import StartView from '@/views/StartView.vue'
import { useContentStore } from '@/stores/useContentStore'
import { useSettingsStore } from '@/stores/useSettingsStore'
import { useVisitStore } from '@/stores/useVisitStore'
import { mountKiosk } from './mount-kiosk'

describe('start view', () => {
  it('invites the visitor to touch, names the topic, and opens home on touch', async () => {
    const { wrapper, router } = await mountKiosk(StartView)
    expect(wrapper.text()).toContain('Back spasms')
    expect(wrapper.text()).toContain('Touch to start')
    await wrapper.get('[data-testid="touch-to-start"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('switches the language in place', async () => {
    const { wrapper } = await mountKiosk(StartView)
    const spanish = wrapper.findAll('button').find((b) => b.text() === 'Español')
    await spanish?.trigger('click')
    await flushPromises()
    expect(useVisitStore().locale).toBe('es')
    expect(wrapper.text()).toContain('Toque para empezar')
    expect(document.documentElement.lang).toBe('es')
  })
})

describe('home view', () => {
  it('shows a tile per visible section with "When to get help" first', async () => {
    const { wrapper } = await mountKiosk(HomeView, { path: '/home' })
    const titles = wrapper.findAll('nav .tile-title').map((t) => t.text())
    expect(titles[0]).toBe('When to get help')
    expect(titles).toEqual(
      expect.arrayContaining([
        'Myths and facts',
        'Daily life with a back spasm',
        'What to expect as you get better',
      ]),
    )
    expect(titles).toHaveLength(10)
    expect(wrapper.get('[data-testid="tile-get-help"]').classes()).toContain('tile-urgent')
  })

  it('leaves out a section staff have hidden', async () => {
    const { wrapper } = await mountKiosk(HomeView, { path: '/home' })
    const store = useContentStore()
    const en = store.byLocale.en!
    store.byLocale = {
      en: {
        ...en,
        sections: en.sections.map((s) => (s.id === 'causes' ? { ...s, visible: false } : s)),
      },
    }
    await flushPromises()
    expect(wrapper.find('[data-testid="tile-causes"]').exists()).toBe(false)
    expect(wrapper.findAll('nav .tile')).toHaveLength(9)
  })
})

describe('section view', () => {
  it('renders the section a page at a time, with its sources and review date on the last page', async () => {
    const { wrapper, router } = await mountKiosk(SectionView, {
      path: '/section/what-is',
      props: { id: 'what-is' },
    })
    expect(wrapper.get('h1').text()).toBe('What is a back spasm?')
    expect(wrapper.findAll('.block-paragraph').length).toBeGreaterThan(0)
    const pages = Number(
      wrapper
        .get('[data-testid="page-progress"]')
        .text()
        .match(/of (\d+)/)?.[1],
    )
    expect(wrapper.get('[data-testid="page-progress"]').text()).toBe(`Page 1 of ${pages}`)
    expect(wrapper.text()).not.toContain('Where this information comes from')
    for (let page = 2; page <= pages; page += 1) {
      await wrapper.get('[data-testid="page-next"]').trigger('click')
      await flushPromises()
      expect(router.currentRoute.value.query['page']).toBe(String(page))
      expect(wrapper.get('[data-testid="page-progress"]').text()).toBe(`Page ${page} of ${pages}`)
    }
    expect(wrapper.get('[data-testid="page-next"]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('Where this information comes from')
    expect(wrapper.text()).toContain('Last reviewed: November 1, 2026')
  })

  it('shows the emergency signs and the emergency number on the first page of "When to get help"', async () => {
    const { wrapper } = await mountKiosk(SectionView, {
      path: '/section/get-help',
      props: { id: 'get-help' },
    })
    expect(wrapper.text()).toContain('911')
    expect(wrapper.text()).not.toContain('{emergencyNumber}')
    useSettingsStore().settings = { ...useSettingsStore().settings, emergencyNumber: '112' }
    await flushPromises()
    expect(wrapper.text()).toContain('112')
    expect(wrapper.text()).not.toContain('911')
  })

  it('says so when a section does not exist', async () => {
    const { wrapper } = await mountKiosk(SectionView, {
      path: '/section/nope',
      props: { id: 'nope' },
    })
    expect(wrapper.text()).toContain('This topic is not available')
  })
})
