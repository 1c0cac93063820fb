import { describe, expect, it, vi } from 'vitest'
import StaffFleetView from '@/views/staff/StaffFleetView.vue'
import { staffPin } from '../unit/backend/kiosk-fixture'
import { mountKiosk } from './mount-kiosk'
import { realBackend } from './real-backend'

async function mountFleet() {
  const backend = realBackend()
  await backend.api.staffSignIn({ pin: staffPin })
  const mounted = await mountKiosk(StaffFleetView, { path: '/admin/fleet' })
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="fleet-documents"]').exists()).toBe(true),
  )
  return mounted
}

describe('the staff screen for content updates', () => {
  it('says a kiosk without fleet.json is not connected, and that every page comes from the app', async () => {
    const { wrapper } = await mountFleet()
    expect(wrapper.get('[data-testid="fleet-not-provisioned"]').text()).toContain(
      'not connected to a content repository',
    )
    expect(wrapper.get('[data-testid="fleet-layer-en/section/what-is"]').text()).toMatch(
      /What is a back spasm\?\s*English\s*The app/,
    )
    expect(wrapper.find('[data-testid="fleet-check-now"]').exists()).toBe(false)
  })
})
