import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { settingsFileName } from '../../../electron/services/settings-store'
import { defaultSettings } from '../../../electron/shared/settings-defaults'
import {
  auditTrail,
  signedInKiosk,
  useUserDataFolder,
  useTestClock,
  refusal,
} from './kiosk-fixture'

const folder = useUserDataFolder('kiosk-staff-gate-')
const clock = useTestClock()
const now = clock.now
const signedIn = () => signedInKiosk(folder(), { now })
const signInRequired = refusal('sign-in-required')

describe('the staff session in the backend', () => {
  it('refuses staff calls again after sign-out', async () => {
    const { api } = await signedIn()
    await expect(api.staffHistory()).resolves.toEqual([])
    await api.staffSignOut()
    await expect(api.staffHistory()).rejects.toEqual(signInRequired)
    expect(await api.staffStatus()).toMatchObject({ signedIn: false })
  })

  it('signs staff out after the staff idle timeout without staff calls, sliding with each call', async () => {
    const setUp = await signedIn()
    const { api } = setUp
    clock.advance(119_000)
    await expect(api.staffUsage({ days: 1 })).resolves.toHaveLength(1)
    clock.advance(119_000)
    expect(await api.staffStatus()).toMatchObject({ signedIn: true })
    // Asking for the status is not staff activity, so it did not extend the session.
    clock.advance(1_000)
    expect(await api.staffStatus()).toMatchObject({ signedIn: false })
    await expect(api.staffUsage({ days: 1 })).rejects.toEqual(signInRequired)
    expect((await auditTrail(setUp)).at(-1)).toEqual([
      'sign-out',
      'no staff activity for the staff idle timeout',
    ])
  })

  it('follows the clinic staff idle timeout as soon as it is saved', async () => {
    const { api } = await signedIn()
    await api.staffSaveSettings({ ...defaultSettings, staffIdleTimeoutSeconds: 30 })
    clock.advance(29_000)
    await expect(api.staffHistory()).resolves.toEqual([])
    clock.advance(30_000)
    await expect(api.staffHistory()).rejects.toEqual(signInRequired)
  })

  it('keeps the last known timeout when the settings cannot be read', async () => {
    const { api, log } = await signedIn()
    await api.staffSaveSettings({ ...defaultSettings, staffIdleTimeoutSeconds: 600 })
    // The next staff call is the first check that reads the new timeout.
    await api.staffHistory()
    // A folder where the settings file should be: reading it fails, not just "missing".
    await rm(join(folder(), settingsFileName))
    await mkdir(join(folder(), settingsFileName))
    clock.advance(500_000)
    await expect(api.staffUsage({ days: 1 })).resolves.toHaveLength(1)
    expect(log.lines.join('\n')).toContain('could not read the settings, keeping the idle timeout')
    clock.advance(600_000)
    await expect(api.staffUsage({ days: 1 })).rejects.toEqual(signInRequired)
  })
})
