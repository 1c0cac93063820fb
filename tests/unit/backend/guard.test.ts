import { describe, expect, it } from 'vitest'
import type { Caller } from '../../../electron/backend/guard'
import { CallRefused } from '../../../electron/shared/call-refused'
import { apiMethods, type ApiMethod } from '../../../electron/shared/channels'
import { contract, type ApiArgs, type Contract } from '../../../electron/shared/contract'
import { defaultSettings } from '../../../electron/shared/settings-defaults'
import {
  createTestKiosk,
  kioskWithPin,
  refusal,
  staffPin as pin,
  trustedCaller,
  useUserDataFolder,
} from './kiosk-fixture'

const stranger: Caller = { trusted: false, from: 'the page at "https://example.com/"' }

const folder = useUserDataFolder('kiosk-guard-')

type StaffOnly = {
  [M in ApiMethod]: Contract[M]['access'] extends 'staff' ? M : never
}[ApiMethod]

/** Valid arguments for every staff-only method, so each can be tried with and without sign-in. */
const sampleArgs: { [M in StaffOnly]: ApiArgs<M> } = {
  staffChangePin: [{ pin: '12', currentPin: pin }],
  staffSaveSettings: [{ ...defaultSettings, clinicName: 'Riverside Clinic' }],
  staffListPrinters: [],
  staffTestPrint: [],
  staffSaveDocument: [{ locale: 'en', kind: 'section', document: null }],
  staffResetDocument: [{ locale: 'en', kind: 'section', id: 'what-is' }],
  staffSetVisible: [{ locale: 'en', kind: 'section', id: 'causes', visible: false }],
  staffMoveDocument: [{ locale: 'en', kind: 'section', id: 'causes', direction: 'down' }],
  staffHistory: [],
  staffHistoryEntry: [{ id: 'no-such-version' }],
  staffUndo: [{ id: 'no-such-version' }],
  staffRestorePreview: [{ id: 'no-such-version' }],
  staffRestore: [{ id: 'no-such-version' }],
  staffDrafts: [],
  staffSaveDraft: [{ id: 'settings', data: { clinicName: 'Riverside' } }],
  staffDiscardDraft: [{ id: 'settings' }],
  staffExportBackup: [],
  staffBackups: [],
  staffImportBackup: [{ text: 'not a backup' }],
  staffUsage: [{ days: 7 }],
  staffExportUsage: [{ days: 7 }],
  staffAudit: [{ limit: 10 }],
  staffProblems: [],
  staffFleetStatus: [],
  staffFleetCheckNow: [],
  staffExit: [],
  staffRestart: [],
}
const staffOnly = Object.keys(sampleArgs) as StaffOnly[]

describe('the guard', () => {
  it('refuses an unknown method first, whoever calls and whatever they send', async () => {
    const { invoke, log } = createTestKiosk(folder())
    for (const method of ['staffDeleteEverything', '__proto__', 'toString', 'constructor']) {
      await expect(invoke(method, 'not even a list', stranger), method).rejects.toEqual(
        refusal('unknown-method'),
      )
    }
    expect(log.lines).toContain(
      `warn: api: refused unknown method "staffDeleteEverything" from ${stranger.from}`,
    )
  })

  it('refuses an untrusted caller before looking at the arguments, for visitor methods too', async () => {
    const { invoke, shell, services } = await kioskWithPin(folder())
    await expect(
      invoke('printSheet', [{ sheetId: 'prevention', locale: 'en' }], stranger),
    ).rejects.toEqual(refusal('untrusted-caller'))
    await expect(invoke('staffSignIn', [{ pin }], stranger)).rejects.toEqual(
      refusal('untrusted-caller'),
    )
    await expect(invoke('staffSignIn', 'garbage', stranger)).rejects.toEqual(
      refusal('untrusted-caller'),
    )
    await expect(invoke('staffExit', [], stranger)).rejects.toEqual(refusal('untrusted-caller'))
    expect(shell.print).not.toHaveBeenCalled()
    expect(shell.exit).not.toHaveBeenCalled()
    // The PIN was not even tried: no attempt counts towards the lock, nothing is audited.
    expect(await services.pin.status()).toMatchObject({ failedAttempts: 0 })
    expect((await services.audit.recent()).map((entry) => entry.event)).toEqual(['setup'])
  })

  it('refuses arguments that do not match the contract before checking the sign-in', async () => {
    const { invoke, api, shell, log } = await kioskWithPin(folder())
    const tooLong = '123456789'
    await expect(invoke('staffSignIn', [{ pin: tooLong }], trustedCaller)).rejects.toEqual(
      refusal('invalid-arguments'),
    )
    await expect(
      invoke('printSheet', [{ sheetId: '../etc', locale: 'en' }], trustedCaller),
    ).rejects.toEqual(refusal('invalid-arguments'))
    await expect(invoke('printSheet', [], trustedCaller)).rejects.toEqual(
      refusal('invalid-arguments'),
    )
    await expect(
      invoke('recordUsage', [{ type: 'visit', name: 'Maria' }], trustedCaller),
    ).rejects.toEqual(refusal('invalid-arguments'))
    // Not signed in, and the arguments are wrong: the arguments are what is reported.
    await expect(invoke('staffUsage', [{ days: 0 }], trustedCaller)).rejects.toEqual(
      refusal('invalid-arguments'),
    )
    expect(shell.print).not.toHaveBeenCalled()
    expect(await api.staffStatus()).toMatchObject({ attemptsLeft: 5 })
    // The log names the field and the rule, never the value sent.
    expect(log.lines).toContain('warn: api: refused staffSignIn: arguments 0.pin too_big')
    expect(log.lines.join('\n')).not.toContain(tooLong)
  })

  it('lets visitor and open staff methods run without a sign-in', async () => {
    const { api } = await kioskWithPin(folder())
    await expect(api.getSettings()).resolves.toEqual(defaultSettings)
    await expect(api.recordUsage({ type: 'visit' })).resolves.toBeUndefined()
    await expect(api.staffStatus()).resolves.toMatchObject({ pin: 'set', signedIn: false })
    await expect(api.getSetupStatus()).resolves.toEqual({ needed: false })
    await expect(api.staffSignOut()).resolves.toBeUndefined()
    await expect(api.staffSignIn({ pin: '0000' })).resolves.toMatchObject({ reason: 'wrong' })
  })

  it('gives every contract method an access level: only the PIN pad is open to staff, only setup to first run', () => {
    const open = apiMethods.filter((method) => contract[method].access === 'staff-open')
    expect(open.sort()).toEqual(['staffSignIn', 'staffSignOut', 'staffStatus'])
    const firstRun = apiMethods.filter((method) => contract[method].access === 'first-run')
    expect(firstRun.sort()).toEqual(['completeSetup', 'setupListPrinters'])
    const visitor = apiMethods.filter((method) => contract[method].access === 'visitor')
    expect(visitor.every((method) => !method.startsWith('staff'))).toBe(true)
    expect([...open, ...firstRun, ...visitor, ...staffOnly].sort()).toEqual([...apiMethods].sort())
  })

  it('runs the first-run methods only on a kiosk never set up, and refuses them after', async () => {
    const fresh = createTestKiosk(folder())
    await expect(fresh.api.setupListPrinters()).resolves.toHaveLength(1)
    const { api, shell, log } = await kioskWithPin(folder())
    await expect(api.setupListPrinters()).rejects.toEqual(refusal('setup-done'))
    await expect(
      api.completeSetup({ clinicName: 'Taken over', staffPin: '739152' }),
    ).rejects.toEqual(refusal('setup-done'))
    expect(shell.listPrinters).not.toHaveBeenCalled()
    expect(await api.staffSignIn({ pin })).toEqual({ ok: true })
    expect(log.lines).toContain('warn: api: refused completeSetup: this kiosk is already set up')
  })

  it('refuses every staff-only method without a session, and runs it with one', async () => {
    const { api, shell } = await kioskWithPin(folder())
    for (const method of staffOnly) {
      const run = api[method] as (...args: unknown[]) => Promise<unknown>
      await expect(run(...sampleArgs[method]), method).rejects.toEqual(refusal('sign-in-required'))
    }
    expect(shell.listPrinters).not.toHaveBeenCalled()
    expect(shell.testPrint).not.toHaveBeenCalled()
    expect(shell.exit).not.toHaveBeenCalled()
    expect(shell.restart).not.toHaveBeenCalled()
    expect(await api.staffStatus()).toMatchObject({ signedIn: false })

    for (const method of staffOnly) {
      // Exit and restart end the session, so each call gets a fresh sign-in.
      expect(await api.staffSignIn({ pin })).toEqual({ ok: true })
      const run = api[method] as (...args: unknown[]) => Promise<unknown>
      await expect(run(...sampleArgs[method]), method).resolves.not.toThrow()
    }
    expect(shell.listPrinters).toHaveBeenCalledTimes(1)
    expect(shell.testPrint).toHaveBeenCalledTimes(1)
    expect(shell.exit).toHaveBeenCalledTimes(1)
    expect(shell.restart).toHaveBeenCalledTimes(1)
  })

  it('throws its refusal as a CallRefused naming the method and the reason', async () => {
    const { api } = await kioskWithPin(folder())
    const error = await api.staffHistory().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CallRefused)
    expect(error).toMatchObject({ method: 'staffHistory', reason: 'sign-in-required' })
  })
})
