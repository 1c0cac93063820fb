import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { VueWrapper } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import StaffGateView from '@/views/staff/StaffGateView.vue'
import StaffSettingsView from '@/views/staff/StaffSettingsView.vue'
import { mountKiosk } from './mount-kiosk'
import { realBackend } from './real-backend'

const pin = '4826'

async function typePin(wrapper: VueWrapper, digits: string): Promise<void> {
  for (const digit of digits) await wrapper.get(`[data-testid="pin-${digit}"]`).trigger('click')
  await wrapper.get('[data-testid="pin-ok"]').trigger('click')
}

/** The staff screen, on a kiosk whose PIN was set on an earlier day. */
async function mountGate(options: { signedIn?: boolean } = {}) {
  const backend = realBackend()
  await backend.services.pin.setPin(pin)
  if (options.signedIn) await backend.api.staffSignIn({ pin })
  const mounted = await mountKiosk(StaffGateView, { path: '/admin' })
  await vi.waitFor(() =>
    expect(mounted.wrapper.find(options.signedIn ? '.staff-home' : '.staff-gate').exists()).toBe(
      true,
    ),
  )
  return mounted
}

describe('the PIN pad, in words', () => {
  it('says how many tries are left after each wrong PIN, then shows the lock with its countdown', async () => {
    const { wrapper } = await mountGate()
    const message = () => wrapper.find('[data-testid="pin-message"]')
    for (const words of [
      'That PIN is not right. 4 tries left.',
      'That PIN is not right. 3 tries left.',
      'That PIN is not right. 2 tries left.',
      'That PIN is not right. 1 try left.',
    ]) {
      await typePin(wrapper, '0000')
      await vi.waitFor(() => expect(message().text()).toBe(words))
    }
    await typePin(wrapper, '0000')
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="pin-locked"]').text()).toMatch(
        /^Too many wrong PINs\. Try again in [45]:\d\d\.$/,
      ),
    )
    expect(wrapper.get('[data-testid="pin-5"]').attributes('disabled')).toBeDefined()
    expect(await realBackend().api.staffStatus()).toMatchObject({ attemptsLeft: 0 })
  })

  it('opens staff mode with the right PIN', async () => {
    const { wrapper } = await mountGate()
    await typePin(wrapper, pin)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="staff-home"]').exists()).toBe(true))
    expect(await realBackend().api.staffStatus()).toMatchObject({ signedIn: true })
  })
})

describe('changing the PIN, in words', () => {
  async function changePin(wrapper: VueWrapper, current: string, next: string) {
    await wrapper.get('[data-testid="pin-change"]').trigger('click')
    await typePin(wrapper, current)
    await typePin(wrapper, next)
    await typePin(wrapper, next)
  }

  async function mountSettings() {
    const backend = realBackend()
    await backend.services.pin.setPin(pin)
    await backend.api.staffSignIn({ pin })
    const mounted = await mountKiosk(StaffSettingsView, { path: '/admin/settings' })
    await vi.waitFor(() =>
      expect(mounted.wrapper.find('[data-testid="pin-change"]').exists()).toBe(true),
    )
    return mounted
  }

  it('words a wrong current PIN with the tries left, and the lock in minutes', async () => {
    const { wrapper } = await mountSettings()
    const status = () => wrapper.get('.pin-change [role="status"]').text()
    await changePin(wrapper, '0000', '1111')
    await vi.waitFor(() => expect(status()).toBe('That PIN is not right. 4 tries left.'))
    for (let tries = 3; tries >= 1; tries--) await realBackend().api.staffSignIn({ pin: '0000' })
    await changePin(wrapper, '0000', '1111')
    await vi.waitFor(() =>
      expect(status()).toBe('Too many wrong PINs. The pad is locked for 5 minutes.'),
    )
    expect(await realBackend().api.staffStatus()).toMatchObject({ signedIn: false })
  })

  it('says the PIN is changed when the current PIN is right', async () => {
    const { wrapper } = await mountSettings()
    await changePin(wrapper, pin, '1111')
    await vi.waitFor(() =>
      expect(wrapper.get('.pin-change [role="status"]').text()).toBe('The PIN is changed.'),
    )
    expect(await realBackend().api.staffSignIn({ pin: '1111' })).toEqual({ ok: true })
  })
})

describe('the problems staff are shown', () => {
  it('says what was wrong with a damaged settings file, what the kiosk does instead, and where it went', async () => {
    await writeFile(join(realBackend().dir, 'settings.json'), '{"clinicName": "Riv')
    const { wrapper } = await mountGate({ signedIn: true })
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="staff-problems"]').exists()).toBe(true),
    )
    const [problem] = await realBackend().api.staffProblems()
    expect(wrapper.get('[data-testid="staff-problems"] li').text()).toBe(
      'settings.json (the whole file): The file is damaged: it cannot be read. ' +
        'The file was moved aside; the kiosk uses its default settings until staff save new ones. ' +
        `Moved to ${problem?.movedTo}.`,
    )
  })
})

describe('emoji in staff text', () => {
  it('are refused as staff type, with a plain reason, and nothing is saved', async () => {
    const backend = realBackend()
    await backend.services.pin.setPin(pin)
    await backend.api.staffSignIn({ pin })
    const { wrapper } = await mountKiosk(StaffSettingsView, { path: '/admin/settings' })
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="setting-clinicName"]').exists()).toBe(true),
    )
    await wrapper.get('[data-testid="setting-clinicName"]').setValue('Riverside Clinic 🙂')
    expect(wrapper.get('#problem-clinicName').text()).toBe(
      'Emoji cannot be used: the kiosk cannot show or print them the same everywhere. Please use words.',
    )
    expect(wrapper.get('[data-testid="settings-save"]').attributes('disabled')).toBeDefined()
    expect((await backend.api.getSettings()).clinicName).toBe('Our clinic')
  })

  it('are refused in content at save too, by the backend, field by field', async () => {
    const backend = realBackend()
    await backend.services.pin.setPin(pin)
    await backend.api.staffSignIn({ pin })
    const { content } = await backend.api.getContent('en')
    const section = content.sections.find((s) => s.id === 'what-is')!
    const result = await backend.api.staffSaveDocument({
      locale: 'en',
      kind: 'section',
      document: { ...section, title: 'What is a back spasm? 😬' },
    })
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'title', code: 'invalid', params: { rule: 'no-emoji' } }],
    })
    // ©, ® and ™ are letters of the typeface, not emoji.
    const settings = await backend.api.getSettings()
    expect(
      await backend.api.staffSaveSettings({ ...settings, clinicName: 'Riverside™ Clinic' }),
    ).toMatchObject({ ok: true })
  })
})
