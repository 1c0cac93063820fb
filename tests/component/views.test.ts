import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import HomeView from '@/views/HomeView.vue'
import SectionView from '@/views/SectionView.vue'
import StartView from '@/views/StartView.vue'
import { useContentStore } from '@/stores/useContentStore'
import { useSettingsStore } from '@/stores/useSettingsStore'
import { useVisitStore } from '@/stores/useVisitStore'
import { mountKiosk } from './mount-kiosk'

/** A stand-in for layout: each unit of a measured page this tall, each page area this tall. */
/** Measured units are `unit` px tall (each of the sources' parts `source` px), a page has `room` px. */
function fakeLayout(sizes: { unit: number; source?: number; room: number }): () => void {
  const offset = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')
  const client = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      if (!this.parentElement?.classList.contains('measured-copy')) return 0
      return this.querySelector('.document-sources') ? (sizes.source ?? sizes.unit) : sizes.unit
    },
  })
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('document-area') ? sizes.room : 0
    },
  })
  return () => {
    if (offset) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offset)
    if (client) Object.defineProperty(HTMLElement.prototype, 'clientHeight', client)
    else delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight
  }
}

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
    const startButton = wrapper.get('[data-testid="touch-to-start"]').element
    await spanish?.trigger('click')
    await vi.waitFor(() => expect(useVisitStore().locale).toBe('es'))
    expect(wrapper.text()).toContain('Toque para empezar')
    // The button a visitor is about to touch is the same one, with its words changed.
    expect(wrapper.get('[data-testid="touch-to-start"]').element).toBe(startButton)
    expect(document.documentElement.lang).toBe('es')
  })
})

describe('start view, a quick visitor', () => {
  it('starts the visit in the language tapped just before, even while its words load', async () => {
    const { wrapper, router } = await mountKiosk(StartView)
    let localeAtHome: string | undefined
    router.afterEach((to) => {
      if (to.name === 'home') localeAtHome = useVisitStore().locale
    })
    const spanish = wrapper.findAll('button').find((b) => b.text() === 'Español')
    void spanish?.trigger('click')
    void wrapper.get('[data-testid="touch-to-start"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'))
    // Counted in the usage figures as a Spanish visit, and opened in Spanish.
    expect(localeAtHome).toBe('es')
  })
})

describe('home view', () => {
  it('shows a tile per visible section with "When to get help" first and largest, then the rest', async () => {
    const { wrapper } = await mountKiosk(HomeView, { path: '/home' })
    const titles = wrapper.findAll('nav .tile-title').map((t) => t.text())
    expect(titles[0]).toBe('When to get help')
    expect(wrapper.find('.home-tile-first [data-testid="tile-get-help"]').exists()).toBe(true)
    // Ten topics, then the sheets, the stretches and About: thirteen tiles on one screen.
    expect(titles.slice(-3)).toEqual([
      'Take-home sheets',
      'Gentle stretches',
      'About this information',
    ])
    expect(titles).toEqual(
      expect.arrayContaining([
        'Myths and facts',
        'Daily life with a back spasm',
        'What to expect as you get better',
      ]),
    )
    expect(titles).toHaveLength(13)
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
    expect(wrapper.findAll('nav .tile')).toHaveLength(12)
  })
})

describe('section view', () => {
  it('splits a topic into pages by the room the screen has, with its sources on the last', async () => {
    // happy-dom lays nothing out: every block is 300 px tall here, each source 100 px, and a
    // page has 700 px.
    const restore = fakeLayout({ unit: 300, source: 100, room: 700 })
    try {
      const { wrapper, router } = await mountKiosk(SectionView, {
        path: '/section/what-is',
        props: { id: 'what-is' },
      })
      expect(wrapper.get('h1').text()).toBe('What is a back spasm?')
      const shown = () => wrapper.get('.document-page')
      const blocks = useContentStore().byLocale.en!.sections.find((s) => s.id === 'what-is')!.blocks
      // Two blocks (and a gap) fit a page; the sources come after the last block.
      const pages = Math.ceil((blocks.length + 1) / 2)
      expect(wrapper.get('[data-testid="page-progress"]').text()).toBe(`Page 1 of ${pages}`)
      expect(shown().element.children).toHaveLength(2)
      expect(shown().text()).not.toContain('Where this information comes from')
      for (let page = 2; page <= pages; page += 1) {
        await wrapper.get('[data-testid="page-next"]').trigger('click')
        await flushPromises()
        expect(router.currentRoute.value.query['page']).toBe(String(page))
        expect(wrapper.get('[data-testid="page-progress"]').text()).toBe(`Page ${page} of ${pages}`)
      }
      expect(wrapper.get('[data-testid="page-next"]').attributes('disabled')).toBeDefined()
      expect(shown().text()).toContain('Where this information comes from')
      expect(shown().text()).toContain('Last reviewed: November 1, 2026')
    } finally {
      restore()
    }
  })

  it('goes on with a long list of sources on the next page, under its heading again', async () => {
    // Six 300 px blocks, two a page; then five sources of 200 px: three fit page 4, the other
    // two go on to page 5 under the heading shown again (200 px too).
    const restore = fakeLayout({ unit: 300, source: 200, room: 700 })
    try {
      const { wrapper } = await mountKiosk(SectionView, {
        path: '/section/what-is?page=4',
        props: { id: 'what-is' },
      })
      const shown = () => wrapper.get('.document-page')
      const sources = useContentStore().byLocale.en!.sections.find(
        (s) => s.id === 'what-is',
      )!.sources
      expect(sources).toHaveLength(5)
      expect(wrapper.get('[data-testid="page-progress"]').text()).toBe('Page 4 of 5')
      expect(shown().get('h2').text()).toBe('Where this information comes from')
      expect(shown().findAll('li')).toHaveLength(3)
      expect(shown().text()).not.toContain('Last reviewed')
      await wrapper.get('[data-testid="page-next"]').trigger('click')
      await flushPromises()
      expect(wrapper.get('[data-testid="page-progress"]').text()).toBe('Page 5 of 5')
      expect(shown().get('h2').text()).toBe('Where this information comes from (continued)')
      expect(
        shown()
          .findAll('li')
          .map((li) => li.text()),
      ).toEqual(sources.slice(3).map((source) => `${source.organisation}: ${source.title}`))
      expect(shown().text()).toContain('Last reviewed: November 1, 2026')
    } finally {
      restore()
    }
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
