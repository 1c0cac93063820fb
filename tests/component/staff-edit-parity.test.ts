import { describe, expect, it, vi } from 'vitest'
import { kiosk } from '@/platform'
import StaffEditView from '@/views/staff/StaffEditView.vue'
import { staffPin } from '../unit/backend/kiosk-fixture'
import { mountKiosk } from './mount-kiosk'

async function openEditor(locale: 'en' | 'es', id: string) {
  // Only a signed-in session reaches the editor (the router sends anyone else to the PIN pad).
  await kiosk.staffSignIn({ pin: staffPin })
  const mounted = await mountKiosk(StaffEditView, { props: { locale, kind: 'sheet', id } })
  // Both languages load from the backend before the editor fills in.
  await vi.waitFor(() => {
    expect(mounted.wrapper.find('[data-testid="edit-other-0"]').exists()).toBe(true)
  })
  return mounted
}

describe('staff editor beside the other language', () => {
  it('shows, beside each block, the same block in the other language', async () => {
    const { wrapper } = await openEditor('en', 'stretches')
    const blocks = wrapper.findAll('[data-testid^="edit-block-"]')
    const others = wrapper.findAll('[data-testid^="edit-other-"]')
    expect(others).toHaveLength(blocks.length)
    const stretch = others.find((other) => other.text().includes('Mover la pelvis'))!
    expect(stretch.attributes('lang')).toBe('es')
    expect(stretch.text()).toContain('The same block in Español')
    expect(stretch.text()).toContain('Hold 5 seconds, 8 times.')
    expect(wrapper.find('[data-testid="parity-notes"]').exists()).toBe(false)
  })

  it('says what no longer matches when staff change one language, and still saves', async () => {
    const { wrapper } = await openEditor('es', 'home-care')
    const steps = wrapper.get('[data-testid="edit-block-1"] textarea')
    const lines = (steps.element as HTMLTextAreaElement).value.split('\n')
    await steps.setValue(lines.slice(0, -1).join('\n'))
    const notes = wrapper.get('[data-testid="edit-other-1"] [data-testid="parity-notes"]')
    expect(notes.text()).toBe(`item: ${lines.length - 1} here, ${lines.length} in English.`)

    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="edit-saved"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="edit-problems"]').exists()).toBe(false)
  })
})
