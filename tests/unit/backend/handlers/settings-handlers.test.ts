import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditFileName } from '../../../../electron/services/audit-log'
import { settingsFileName } from '../../../../electron/services/settings-store'
import { defaultSettings } from '../../../../electron/shared/settings-defaults'
import { auditTrail, frontDesk, signedInKiosk, useUserDataFolder } from '../kiosk-fixture'

const folder = useUserDataFolder('kiosk-settings-handlers-')
const signedIn = () => signedInKiosk(folder())

describe('staff settings', () => {
  it('names every invalid setting with the rule it breaks, and changes nothing', async () => {
    const { api, onSettings } = await signedIn()
    const before = await readFile(join(folder(), settingsFileName), 'utf8')
    onSettings.mockClear()
    const result = await api.staffSaveSettings({
      ...defaultSettings,
      idleTimeoutSeconds: 5,
      clinicPhone: 'call us',
    })
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems
    expect([...problems].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      {
        field: 'clinicPhone',
        code: 'invalid',
        params: { rule: 'phone-format', origin: 'string', format: 'regex' },
      },
      {
        field: 'idleTimeoutSeconds',
        code: 'invalid',
        params: { rule: 'too_small', minimum: 30, origin: 'number' },
      },
    ])
    expect(await readFile(join(folder(), settingsFileName), 'utf8')).toBe(before)
    expect(await api.getSettings()).toEqual(defaultSettings)
    expect(onSettings).not.toHaveBeenCalledWith(expect.objectContaining({ idleTimeoutSeconds: 5 }))
  })

  it('refuses what is not settings at all, field by field', async () => {
    const { api } = await signedIn()
    const result = await api.staffSaveSettings('Riverside Clinic')
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: '(whole file)',
          code: 'invalid',
          params: { rule: 'invalid_type', expected: 'object' },
        },
      ],
    })
  })

  it('saves valid settings, which apply at once, and audits only the changed field names', async () => {
    const setUp = await signedIn()
    const { api, onSettings } = setUp
    const wanted = { ...defaultSettings, clinicName: 'Riverside Clinic', idleTimeoutSeconds: 120 }
    expect(await api.staffSaveSettings(wanted)).toEqual({ ok: true, settings: wanted })
    expect(await api.getSettings()).toEqual(wanted)
    expect(onSettings).toHaveBeenCalledWith(wanted)
    expect((await auditTrail(setUp)).at(-1)).toEqual([
      'settings-changed',
      'clinicName, idleTimeoutSeconds',
    ])
    expect(await readFile(join(folder(), auditFileName), 'utf8')).not.toContain('Riverside')

    // Saving the same settings again is no change, so nothing more is audited.
    await api.staffSaveSettings(wanted)
    expect(
      (await auditTrail(setUp)).filter(([event]) => event === 'settings-changed'),
    ).toHaveLength(1)
  })

  it('keeps the audit line short when many settings change at once', async () => {
    const setUp = await signedIn()
    await setUp.api.staffSaveSettings({
      clinicName: 'Riverside Clinic',
      clinicPhone: '555 0100',
      clinicWebsite: 'https://example.org',
      emergencyNumber: '112',
      collectionPoint: 'reception',
      defaultLocale: 'es',
      enabledLocales: ['es'],
      idleTimeoutSeconds: 120,
      idleWarningSeconds: 20,
      staffIdleTimeoutSeconds: 300,
      defaultTextSize: 'large',
      paperSize: 'A4',
      printerName: 'Front Desk Printer',
      pdfFolder: '/srv/pdf',
      perVisitPrintLimit: 5,
      dailyPrintLimit: 50,
    })
    const [event, detail] = (await auditTrail(setUp)).at(-1) ?? []
    expect(event).toBe('settings-changed')
    expect(detail?.length).toBeLessThanOrEqual(200)
    expect(detail).toMatch(/^clinicName, clinicPhone, .* and \d+ more$/)
  })

  it('lists printers and test-prints with the saved printer settings', async () => {
    const { api, shell, log } = await signedIn()
    expect(await api.staffListPrinters()).toEqual([frontDesk])
    const wanted = { ...defaultSettings, printerName: 'Front_Desk', paperSize: 'A4' as const }
    await api.staffSaveSettings(wanted)
    expect(await api.staffTestPrint()).toEqual({ ok: true, via: 'printer' })
    expect(shell.testPrint).toHaveBeenCalledWith(wanted)
    expect(log.lines).toContain('info: staff: test print on "Front_Desk"')
  })

  it('passes on why a test print failed, as a code', async () => {
    const { api, shell } = await signedIn()
    shell.testPrint.mockResolvedValueOnce({ ok: false, reason: 'no-printer' })
    expect(await api.staffTestPrint()).toEqual({ ok: false, reason: 'no-printer' })
  })
})
