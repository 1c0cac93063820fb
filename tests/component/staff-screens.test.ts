import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import StaffGateView from '@/views/staff/StaffGateView.vue'
import StaffSettingsView from '@/views/staff/StaffSettingsView.vue'
import { mountKiosk } from './mount-kiosk'
import { staffPin, writeOldPinFile } from '../unit/backend/kiosk-fixture'
import { realBackend } from './real-backend'

const pin = staffPin

async function typePin(wrapper: VueWrapper, digits: string): Promise<void> {
  for (const digit of digits) await wrapper.get(`[data-testid="pin-${digit}"]`).trigger('click')
  await wrapper.get('[data-testid="pin-ok"]').trigger('click')
}

/** The staff screen, on a kiosk whose PIN was set on an earlier day. */
async function mountGate(options: { signedIn?: boolean } = {}) {
  const backend = realBackend()
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
    await realBackend().api.staffSignIn({ pin })
    const mounted = await mountKiosk(StaffSettingsView, { path: '/admin/settings' })
    await vi.waitFor(() =>
      expect(mounted.wrapper.find('[data-testid="pin-change"]').exists()).toBe(true),
    )
    return mounted
  }

  it('words a wrong current PIN with the tries left, and the lock in minutes', async () => {
    const { wrapper } = await mountSettings()
    const status = () => wrapper.get('.pin-change [role="status"]').text()
    await changePin(wrapper, '0000', '739152')
    await vi.waitFor(() => expect(status()).toBe('That PIN is not right. 4 tries left.'))
    for (let tries = 3; tries >= 1; tries--) await realBackend().api.staffSignIn({ pin: '0000' })
    await changePin(wrapper, '0000', '739152')
    await vi.waitFor(() =>
      expect(status()).toBe('Too many wrong PINs. The pad is locked for 5 minutes.'),
    )
    expect(await realBackend().api.staffStatus()).toMatchObject({ signedIn: false })
  })

  it('says the PIN is changed when the current PIN is right', async () => {
    const { wrapper } = await mountSettings()
    await changePin(wrapper, pin, '739152')
    await vi.waitFor(() =>
      expect(wrapper.get('.pin-change [role="status"]').text()).toBe('The PIN is changed.'),
    )
    expect(await realBackend().api.staffSignIn({ pin: '739152' })).toEqual({ ok: true })
  })

  it('says what is wrong with a new PIN after the first entry, before asking for it again', async () => {
    const { wrapper } = await mountSettings()
    await wrapper.get('[data-testid="pin-change"]').trigger('click')
    await typePin(wrapper, pin)
    await typePin(wrapper, '123456')
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="new-pin-message"]').text()).toBe(
        'This PIN is too easy to guess: not one digit repeated, and not a run such as 123456 or 654321.',
      ),
    )
    expect(wrapper.text()).toContain('Choose a new PIN of 6 to 8 digits.')
    // The pad does not even take fewer than 6 digits for a new PIN.
    for (const digit of '73915') await wrapper.get(`[data-testid="pin-${digit}"]`).trigger('click')
    expect(wrapper.get('[data-testid="pin-ok"]').attributes('disabled')).toBeDefined()
  })
})

describe('staff access that holds', () => {
  it('says staff mode is locked and that IT must reset the PIN, and how, when the PIN file is damaged', async () => {
    await writeFile(join(realBackend().dir, 'staff-pin.json'), 'garbage')
    const { wrapper } = await mountKiosk(StaffGateView, { path: '/admin' })
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="pin-reset-needed"]').exists()).toBe(true),
    )
    expect(wrapper.get('h1').text()).toBe('Staff mode is locked')
    expect(wrapper.text()).toContain('Ask IT to set a new staff PIN on this computer.')
    expect(wrapper.get('[data-testid="pin-reset-command"]').text()).toBe(
      'back-spasm-kiosk --reset-staff-pin',
    )
    expect(wrapper.find('[data-testid="pin-sign-in"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="new-pin"]').exists()).toBe(false)
  })

  it('asks staff who signed in with an old 4-digit PIN to choose a new one', async () => {
    await writeOldPinFile(realBackend().dir, '4826')
    const { wrapper } = await mountKiosk(StaffGateView, { path: '/admin' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pin-sign-in"]').exists()).toBe(true))
    await typePin(wrapper, '4826')
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="pin-change-advised"]').exists()).toBe(true),
    )
    expect(wrapper.get('[data-testid="pin-change-advised"]').text()).toContain(
      'Choose a new one of at least 6 digits',
    )
  })

  it('counts a lock that has grown past an hour down in hours', async () => {
    // The tenth lock in a row without a right PIN: a day, of which a little has passed.
    await writeFile(
      join(realBackend().dir, 'staff-pin-lockout.json'),
      JSON.stringify({ failedAttempts: 5, lockedUntil: Date.now() + 23.5 * 3600_000, locks: 10 }),
    )
    const { wrapper } = await mountKiosk(StaffGateView, { path: '/admin' })
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="pin-locked"]').text()).toMatch(
        /^Too many wrong PINs\. Try again in 23:(29|30):\d\d\.$/,
      ),
    )
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
    await backend.api.staffSignIn({ pin })
    const { wrapper } = await mountKiosk(StaffSettingsView, { path: '/admin/settings' })
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="setting-clinicName"]').exists()).toBe(true),
    )
    await wrapper.get('[data-testid="setting-clinicName"]').setValue('Riverside Clinic 🙂')
    expect(wrapper.get('#problem-clinicName').text()).toBe(
      'Emoji cannot be used: the kiosk cannot show or print them the same everywhere. Please use words.',
    )
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="settings-saved"]').exists()).toBe(false)
    expect((await backend.api.getSettings()).clinicName).toBe('Our clinic')
  })

  it('are refused in content at save too, by the backend, field by field', async () => {
    const backend = realBackend()
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
