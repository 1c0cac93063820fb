import type { VueWrapper } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import App from '@/App.vue'
import { frontDesk } from '../unit/backend/kiosk-fixture'
import { mountKiosk } from './mount-kiosk'
import { realBackend, useNewKiosk } from './real-backend'

async function typePin(wrapper: VueWrapper, digits: string): Promise<void> {
  for (const digit of digits) await wrapper.get(`[data-testid="pin-${digit}"]`).trigger('click')
  await wrapper.get('[data-testid="pin-ok"]').trigger('click')
}

async function mountNewKiosk(path = '/') {
  useNewKiosk()
  const mounted = await mountKiosk(App, { path })
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="first-run-setup"]').exists()).toBe(true),
  )
  return mounted
}

async function fill(wrapper: VueWrapper, testid: string, value: string) {
  await wrapper.get(`[data-testid="${testid}"]`).setValue(value)
}

describe('first-run setup', () => {
  it('is the only screen a kiosk never set up shows, whatever address is asked for', async () => {
    for (const path of ['/', '/home', '/admin', '/section/causes']) {
      const { wrapper, router } = await mountNewKiosk(path)
      expect(router.currentRoute.value.name).toBe('setup')
      expect(wrapper.find('[data-testid="touch-to-start"]').exists()).toBe(false)
      expect(wrapper.find('[data-testid="staff-corner"]').exists()).toBe(false)
      wrapper.unmount()
    }
  })

  it('offers the printers, checks each field in words, and the PIN twice', async () => {
    const { wrapper } = await mountNewKiosk()
    await vi.waitFor(() => expect(wrapper.text()).toContain(frontDesk.displayName))
    expect(wrapper.text()).toContain('Enter the clinic name.')
    await fill(wrapper, 'setting-clinicPhone', 'call us')
    expect(wrapper.text()).toContain('Enter the phone number with digits, for example 555-0100.')
    await typePin(wrapper, '111111')
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="new-pin-message"]').text()).toMatch(/too easy to guess/),
    )
    await typePin(wrapper, '582039')
    await typePin(wrapper, '582093')
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="new-pin-message"]').text()).toBe(
        'The two PINs were not the same. Please start again.',
      ),
    )
    expect(wrapper.get('[data-testid="setup-finish"]').attributes('disabled')).toBeDefined()
    expect(await realBackend().api.getSetupStatus()).toEqual({ needed: true })
  })

  it('saves everything at once by touch, then serves visitors in the chosen language', async () => {
    const { wrapper, router } = await mountNewKiosk()
    await fill(wrapper, 'setting-clinicName', 'Riverside Family Clinic')
    await fill(wrapper, 'setting-clinicPhone', '555 0100')
    await wrapper.get('[data-testid="setting-defaultLocale"] button[lang="es"]').trigger('click')
    await wrapper.get('[data-testid="setting-paperSize"] button:nth-of-type(2)').trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain(frontDesk.displayName))
    const printer = wrapper
      .findAll('[data-testid="setting-printer"] button')
      .find((button) => button.text() === frontDesk.displayName)
    await printer?.trigger('click')
    await typePin(wrapper, '582039')
    await typePin(wrapper, '582039')
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="setup-pin-chosen"]').exists()).toBe(true),
    )
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('start'))
    expect(await realBackend().api.getSettings()).toMatchObject({
      clinicName: 'Riverside Family Clinic',
      clinicPhone: '555 0100',
      defaultLocale: 'es',
      paperSize: 'A4',
      printerName: frontDesk.name,
    })
    expect(await realBackend().api.staffSignIn({ pin: '582039' })).toEqual({ ok: true })
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="touch-to-start"]').text()).toContain('Toque para empezar'),
    )
  })
})
