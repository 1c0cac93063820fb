import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import App from '@/App.vue'
import { useContentStore } from '@/stores/useContentStore'
import { useSettingsStore } from '@/stores/useSettingsStore'
import { useVisitStore } from '@/stores/useVisitStore'
import { mountKiosk } from './mount-kiosk'

async function mountHome() {
  const mounted = await mountKiosk(App, { path: '/home' })
  await flushPromises()
  return mounted
}

describe('the always-visible bar', () => {
  it('offers Back, Home, the other language, three text sizes, high contrast and the front-desk tile', async () => {
    const { wrapper } = await mountHome()
    const bar = wrapper.get('.kiosk-bar')
    expect(bar.get('[data-testid="nav-back"]').text()).toContain('Back')
    expect(bar.get('[data-testid="nav-home"]').text()).toBe('Home')
    expect(bar.get('[data-testid="nav-language"]').text()).toBe('Español')
    expect(bar.get('[data-testid="nav-language"]').attributes('lang')).toBe('es')
    expect(bar.findAll('.size-button')).toHaveLength(3)
    expect(bar.get('[data-testid="nav-contrast"]').text()).toBe('High contrast')
    expect(bar.get('[data-testid="help-tile"]').text()).toContain('ask at the front desk')
  })

  it('is not shown on the start screen, which is one big "touch to start"', async () => {
    const { wrapper } = await mountKiosk(App, { path: '/' })
    await flushPromises()
    expect(wrapper.find('.kiosk-bar').exists()).toBe(false)
  })

  it('switches the language and re-renders the current screen in place', async () => {
    const { wrapper, router } = await mountHome()
    const tile = wrapper.get('[data-testid="tile-get-help"]').element
    await wrapper.get('[data-testid="nav-language"]').trigger('click')
    // While Spanish loads the visitor still sees their screen, not "Loading".
    expect(wrapper.find('.status').exists()).toBe(false)
    expect(wrapper.get('h1').text()).toBe('Choose a topic')
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Elija un tema'))
    // The same tile, its words changed: nothing under the visitor's finger was replaced.
    expect(wrapper.get('[data-testid="tile-get-help"]').element).toBe(tile)
    expect(router.currentRoute.value.name).toBe('home')
    expect(wrapper.get('[data-testid="tile-get-help"]').text()).toContain('Cuándo pedir ayuda')
    expect(wrapper.get('[data-testid="nav-language"]').text()).toBe('English')
    expect(document.documentElement.lang).toBe('es')
  })

  it("gets the visitor's language back when a content pack switch drops it from the page", async () => {
    const { wrapper } = await mountHome()
    await wrapper.get('[data-testid="nav-language"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Elija un tema'))
    // The start screen's pack switch reloads the language it saw, which may be the other one.
    await useContentStore().reload('en')
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Elija un tema'))
    expect(wrapper.find('.status').exists()).toBe(false)
  })

  it('hides the language button when the clinic enables one language only', async () => {
    const { wrapper } = await mountHome()
    useSettingsStore().settings = { ...useSettingsStore().settings, enabledLocales: ['en'] }
    await flushPromises()
    expect(wrapper.find('[data-testid="nav-language"]').exists()).toBe(false)
  })

  it('changes the text size in three steps, showing which one is on', async () => {
    const { wrapper } = await mountHome()
    const root = document.documentElement
    expect(root.dataset['textSize']).toBe('normal')
    await wrapper.get('[data-testid="text-size-larger"]').trigger('click')
    expect(root.dataset['textSize']).toBe('larger')
    expect(wrapper.get('[data-testid="text-size-larger"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.get('[data-testid="text-size-normal"]').attributes('aria-pressed')).toBe('false')
    await wrapper.get('[data-testid="text-size-large"]').trigger('click')
    expect(root.dataset['textSize']).toBe('large')
    expect(useVisitStore().textSize).toBe('large')
  })

  it('turns high contrast on and off', async () => {
    const { wrapper } = await mountHome()
    const button = wrapper.get('[data-testid="nav-contrast"]')
    await button.trigger('click')
    expect(document.documentElement.classList.contains('high-contrast')).toBe(true)
    expect(button.attributes('aria-pressed')).toBe('true')
    await button.trigger('click')
    expect(document.documentElement.classList.contains('high-contrast')).toBe(false)
  })

  it('gives every bar control an accessible name', async () => {
    const { wrapper } = await mountHome()
    for (const control of wrapper.get('.kiosk-bar').findAll('button, a')) {
      const name = control.attributes('aria-label') ?? control.text()
      expect(name.trim().length).toBeGreaterThan(0)
    }
  })
})
