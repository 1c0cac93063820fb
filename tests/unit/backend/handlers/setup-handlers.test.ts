import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { settingsFileName } from '../../../../electron/services/settings-store'
import {
  auditTrail,
  createTestKiosk,
  frontDesk,
  refusal,
  useUserDataFolder,
} from '../kiosk-fixture'

const folder = useUserDataFolder('kiosk-setup-')
const setup = {
  clinicName: 'Riverside Family Clinic',
  clinicPhone: '555 0100',
  enabledLocales: ['en', 'es'],
  defaultLocale: 'es',
  printerName: frontDesk.name,
  pdfFolder: '',
  paperSize: 'A4',
  staffPin: '582039',
}

describe('first-run setup on the screen', () => {
  it('is what a new kiosk needs, and offers the printers while it does', async () => {
    const { api } = createTestKiosk(folder())
    expect(await api.getSetupStatus()).toEqual({ needed: true })
    expect(await api.setupListPrinters()).toEqual([frontDesk])
  })

  it('names every wrong field at once and applies nothing', async () => {
    const kiosk = createTestKiosk(folder())
    const result = await kiosk.api.completeSetup({
      ...setup,
      clinicName: undefined,
      clinicPhone: 'call us',
      enabledLocales: [],
      staffPin: '123456',
      colour: 'blue',
    })
    expect(result.ok).toBe(false)
    const rules = result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.params?.['rule']}`)
    expect(rules.sort()).toEqual(
      [
        '(whole file): unrecognized_keys',
        'clinicName: clinic-name-required',
        'clinicPhone: phone-format',
        'defaultLocale: default-language-enabled',
        'enabledLocales: one-language-needed',
        'staffPin: pin-obvious',
      ].sort(),
    )
    expect(await kiosk.api.getSetupStatus()).toEqual({ needed: true })
    expect(await readdir(folder())).toEqual([])
  })

  it('asks for the PIN too', async () => {
    const { api } = createTestKiosk(folder())
    expect(await api.completeSetup({ clinicName: 'Riverside' })).toEqual({
      ok: false,
      problems: [{ field: 'staffPin', code: 'invalid', params: { rule: 'pin-required' } }],
    })
  })

  it('saves the settings and the PIN together, applies them at once, and is audited', async () => {
    const kiosk = createTestKiosk(folder())
    expect(await kiosk.api.completeSetup(setup)).toEqual({ ok: true })
    const { staffPin, ...settings } = setup
    expect(await kiosk.api.getSettings()).toMatchObject(settings)
    expect(kiosk.onSettings).toHaveBeenCalledWith(expect.objectContaining(settings))
    expect(JSON.parse(await readFile(join(folder(), settingsFileName), 'utf8'))).toMatchObject(
      settings,
    )
    expect(await kiosk.api.getSetupStatus()).toEqual({ needed: false })
    expect(await kiosk.api.staffSignIn({ pin: staffPin })).toEqual({ ok: true })
    expect(await auditTrail(kiosk)).toEqual([
      ['setup', 'completed on the kiosk screen'],
      ['sign-in', undefined],
    ])
    expect(await readFile(join(folder(), 'audit.log'), 'utf8')).not.toContain(staffPin)
  })

  it('happens once: a second setup, even at the same moment, is refused and changes nothing', async () => {
    const kiosk = createTestKiosk(folder())
    const [first, second] = await Promise.allSettled([
      kiosk.api.completeSetup(setup),
      kiosk.api.completeSetup({ ...setup, clinicName: 'Someone else', staffPin: '739152' }),
    ])
    expect(first).toEqual({ status: 'fulfilled', value: { ok: true } })
    expect(second).toEqual({ status: 'rejected', reason: refusal('setup-done') })
    expect((await kiosk.api.getSettings()).clinicName).toBe(setup.clinicName)
    expect(await kiosk.api.staffSignIn({ pin: '739152' })).toMatchObject({ ok: false })
  })
})

describe("IT's setup file", () => {
  it('sets up a new kiosk, and also replaces the settings and PIN of one set up before', async () => {
    const kiosk = createTestKiosk(folder())
    expect(await kiosk.setup.applyFile(setup)).toEqual({ ok: true })
    expect(await kiosk.api.getSetupStatus()).toEqual({ needed: false })
    expect(
      await kiosk.setup.applyFile({ clinicName: 'Hillside Clinic', staffPin: '739152' }),
    ).toEqual({
      ok: true,
    })
    expect((await kiosk.api.getSettings()).clinicName).toBe('Hillside Clinic')
    expect(await kiosk.api.staffSignIn({ pin: setup.staffPin })).toMatchObject({ reason: 'wrong' })
    expect(await kiosk.api.staffSignIn({ pin: '739152' })).toEqual({ ok: true })
    expect((await auditTrail(kiosk)).filter(([event]) => event === 'setup')).toEqual([
      ['setup', 'applied from a setup file on the computer'],
      ['setup', 'applied from a setup file on the computer'],
    ])
  })
})
