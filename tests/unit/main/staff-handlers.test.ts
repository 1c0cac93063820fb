import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  openStaffMethods,
  staffSignInRequired,
  type GatedStaffMethod,
} from '../../../electron/main/staff-handlers'
import { auditFileName } from '../../../electron/services/audit-log'
import { pinFileName } from '../../../electron/services/pin-store'
import { settingsFileName } from '../../../electron/services/settings-store'
import { apiMethods } from '../../../electron/shared/channels'
import type { ContentDocument } from '../../../electron/shared/content-schema'
import type { ApiArgs, KioskApi } from '../../../electron/shared/contract'
import { defaultSettings } from '../../../electron/shared/settings-defaults'
import { createTestKiosk, frontDesk } from './kiosk-fixture'

const pin = '4826'
const minute = 60_000

let dir: string
let clock: number
const now = () => new Date(clock)
const kiosk = () => createTestKiosk(dir, { now })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-staff-'))
  clock = Date.parse('2026-11-21T10:00:00Z')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A kiosk whose PIN was set on an earlier day, with nobody signed in. */
async function kioskWithPin() {
  const setUp = kiosk()
  await setUp.pin.setPin(pin)
  return setUp
}

async function signedIn() {
  const setUp = await kioskWithPin()
  expect(await setUp.handlers.staffSignIn({ pin })).toEqual({ ok: true })
  return setUp
}

async function shippedDocument(api: KioskApi, id: string): Promise<ContentDocument> {
  const { content } = await api.getContent('en')
  const doc = content.sections.find((section) => section.id === id)
  if (!doc) throw new Error(`no shipped section ${id}`)
  return doc
}

async function auditEvents(api: KioskApi) {
  return (await api.staffAudit({ limit: 100 })).reverse()
}

/** Valid arguments for every staff-only method, so each can be tried with and without sign-in. */
const sampleArgs: { [M in GatedStaffMethod]: ApiArgs<M> } = {
  staffSaveSettings: [{ ...defaultSettings, clinicName: 'Riverside Clinic' }],
  staffListPrinters: [],
  staffTestPrint: [],
  staffSaveDocument: [{ locale: 'en', kind: 'section', document: null }],
  staffResetDocument: [{ locale: 'en', kind: 'section', id: 'what-is' }],
  staffHistory: [],
  staffRestore: [{ id: 'no-such-version' }],
  staffExportBackup: [],
  staffImportBackup: [{ text: 'not a backup' }],
  staffUsage: [{ days: 7 }],
  staffAudit: [{ limit: 10 }],
  staffProblems: [],
  staffExit: [],
  staffRestart: [],
}
const gatedMethods = Object.keys(sampleArgs) as GatedStaffMethod[]

function call(api: KioskApi, method: GatedStaffMethod): Promise<unknown> {
  const run = api[method] as (...args: unknown[]) => Promise<unknown>
  return run(...sampleArgs[method])
}

describe('staff PIN and sign-in', () => {
  it('on first run lets anyone set the PIN, and signs them in', async () => {
    const { handlers } = kiosk()
    expect(await handlers.staffStatus()).toEqual({
      pinSet: false,
      signedIn: false,
      lockedUntil: null,
      attemptsLeft: 5,
    })
    expect(await handlers.staffSignIn({ pin })).toMatchObject({ ok: false, reason: 'not-set' })
    expect(await handlers.staffSetPin({ pin })).toEqual({ ok: true })
    expect(await handlers.staffStatus()).toMatchObject({ pinSet: true, signedIn: true })
    await expect(handlers.staffAudit({ limit: 5 })).resolves.toMatchObject([
      { event: 'pin-changed', detail: 'first PIN set' },
    ])
  })

  it('refuses a second setPin without a session, and without the right current PIN', async () => {
    const { handlers } = kiosk()
    await handlers.staffSetPin({ pin })
    await handlers.staffSignOut()

    await expect(handlers.staffSetPin({ pin: '1111' })).rejects.toThrow(staffSignInRequired)
    await expect(handlers.staffSetPin({ pin: '1111', currentPin: pin })).rejects.toThrow(
      staffSignInRequired,
    )

    await handlers.staffSignIn({ pin })
    expect(await handlers.staffSetPin({ pin: '1111' })).toEqual({
      ok: false,
      message: 'Enter the current PIN to change it.',
    })
    expect(await handlers.staffSetPin({ pin: '1111', currentPin: '9999' })).toEqual({
      ok: false,
      message: 'That PIN is not right. 4 tries left.',
    })
    expect(await handlers.staffSetPin({ pin: '1111', currentPin: pin })).toEqual({ ok: true })
    await handlers.staffSignOut()
    expect(await handlers.staffSignIn({ pin })).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await handlers.staffSignIn({ pin: '1111' })).toEqual({ ok: true })
  })

  it('locks after five wrong PINs, and the lock survives a restart', async () => {
    const { handlers } = await kioskWithPin()
    const messages: string[] = []
    for (let i = 0; i < 5; i++) {
      const result = await handlers.staffSignIn({ pin: '0000' })
      if (!result.ok) messages.push(result.message)
    }
    expect(messages).toEqual([
      'That PIN is not right. 4 tries left.',
      'That PIN is not right. 3 tries left.',
      'That PIN is not right. 2 tries left.',
      'That PIN is not right. 1 try left.',
      'Too many wrong PINs. The pad is locked for 5 minutes.',
    ])
    const lockedUntil = clock + 5 * minute
    expect(await handlers.staffStatus()).toEqual({
      pinSet: true,
      signedIn: false,
      lockedUntil,
      attemptsLeft: 0,
    })
    expect(await handlers.staffSignIn({ pin })).toMatchObject({ ok: false, reason: 'locked' })

    // A new handlers instance on the same folder is an app restart.
    const restarted = kiosk().handlers
    expect(await restarted.staffStatus()).toMatchObject({ lockedUntil, signedIn: false })
    clock += 2 * minute
    expect(await restarted.staffSignIn({ pin })).toEqual({
      ok: false,
      reason: 'locked',
      message: 'Too many wrong PINs. The pad is locked for 3 minutes.',
      attemptsLeft: 0,
      lockedUntil,
    })
    clock += 3 * minute
    expect(await restarted.staffSignIn({ pin })).toEqual({ ok: true })
  })

  it('audits sign-in, failed sign-in, the lock and sign-out, never the PIN', async () => {
    const { handlers } = await kioskWithPin()
    await handlers.staffSignIn({ pin: '0000' })
    await handlers.staffSignIn({ pin })
    await handlers.staffSignOut()
    for (let i = 0; i < 5; i++) await handlers.staffSignIn({ pin: '0000' })
    await handlers.staffSignIn({ pin: '0000' })

    clock += 5 * minute
    await handlers.staffSignIn({ pin })
    const events = (await auditEvents(handlers)).map(({ event, detail }) => [event, detail])
    expect(events).toEqual([
      ['sign-in-failed', 'signing in: wrong PIN, 4 left'],
      ['sign-in', undefined],
      ['sign-out', undefined],
      ['sign-in-failed', 'signing in: wrong PIN, 4 left'],
      ['sign-in-failed', 'signing in: wrong PIN, 3 left'],
      ['sign-in-failed', 'signing in: wrong PIN, 2 left'],
      ['sign-in-failed', 'signing in: wrong PIN, 1 left'],
      ['locked', 'signing in: too many wrong PINs'],
      ['sign-in-failed', 'signing in: the PIN pad was locked'],
      ['sign-in', undefined],
    ])
    const auditText = await readFile(join(dir, auditFileName), 'utf8')
    expect(auditText).not.toContain(pin)
    expect(auditText).not.toContain('0000')
  })

  it('ends the session when the current PIN is guessed wrong until the pad locks', async () => {
    const { handlers } = await signedIn()
    for (let i = 0; i < 5; i++) await handlers.staffSetPin({ pin: '1111', currentPin: '0000' })
    expect(await handlers.staffStatus()).toMatchObject({ signedIn: false, attemptsLeft: 0 })
    await expect(handlers.staffHistory()).rejects.toThrow(staffSignInRequired)
  })
})

describe('the staff gate', () => {
  it('covers every staff method except status, set PIN, sign in and sign out', () => {
    const staffMethods = apiMethods.filter((method) => method.startsWith('staff'))
    expect([...gatedMethods, ...openStaffMethods].sort()).toEqual(staffMethods.sort())
  })

  it('refuses every staff-only method without a session, and runs it with one', async () => {
    const { handlers, shell } = await kioskWithPin()
    for (const method of gatedMethods) {
      await expect(call(handlers, method), method).rejects.toThrow(staffSignInRequired)
    }
    expect(shell.listPrinters).not.toHaveBeenCalled()
    expect(shell.exit).not.toHaveBeenCalled()
    expect(shell.restart).not.toHaveBeenCalled()

    for (const method of gatedMethods) {
      // Exit and restart end the session, so each call gets a fresh sign-in.
      await handlers.staffSignIn({ pin })
      await expect(call(handlers, method), method).resolves.not.toThrow()
    }
    expect(shell.exit).toHaveBeenCalledTimes(1)
    expect(shell.restart).toHaveBeenCalledTimes(1)
  })

  it('refuses again after sign-out', async () => {
    const { handlers } = await signedIn()
    await expect(handlers.staffHistory()).resolves.toEqual([])
    await handlers.staffSignOut()
    await expect(handlers.staffHistory()).rejects.toThrow(staffSignInRequired)
    expect(await handlers.staffStatus()).toMatchObject({ signedIn: false })
  })

  it('signs staff out after the staff idle timeout without staff calls, sliding with each call', async () => {
    const { handlers, audit } = await signedIn()
    clock += 119_000
    await expect(handlers.staffUsage({ days: 1 })).resolves.toHaveLength(1)
    clock += 119_000
    expect(await handlers.staffStatus()).toMatchObject({ signedIn: true })
    // Asking for the status is not staff activity, so it did not extend the session.
    clock += 1_000
    expect(await handlers.staffStatus()).toMatchObject({ signedIn: false })
    await expect(handlers.staffUsage({ days: 1 })).rejects.toThrow(staffSignInRequired)
    expect((await audit.recent(1))[0]).toMatchObject({
      event: 'sign-out',
      detail: 'no staff activity for the staff idle timeout',
    })
  })

  it('follows the clinic staff idle timeout as soon as it is saved', async () => {
    const { handlers } = await signedIn()
    await handlers.staffSaveSettings({ ...defaultSettings, staffIdleTimeoutSeconds: 30 })
    clock += 29_000
    await expect(handlers.staffHistory()).resolves.toEqual([])
    clock += 30_000
    await expect(handlers.staffHistory()).rejects.toThrow(staffSignInRequired)
  })

  it('counts visitor usage without any sign-in', async () => {
    const { handlers, usage } = kiosk()
    await handlers.recordUsage({ type: 'visit' })
    await handlers.recordUsage({ type: 'section-view', sectionId: 'what-is', seconds: 42 })
    await handlers.recordUsage({ type: 'language', locale: 'es' })
    await handlers.recordUsage({ type: 'idle-reset' })
    const [today] = await usage.lastDays(1)
    expect(today).toMatchObject({
      visits: 1,
      idleResets: 1,
      sections: { 'what-is': { views: 1, seconds: 42 } },
      languages: { en: 0, es: 1 },
    })
  })
})

describe('staff settings', () => {
  it('explains invalid settings field by field and changes nothing', async () => {
    const { handlers, onSettings } = await signedIn()
    const result = await handlers.staffSaveSettings({
      ...defaultSettings,
      idleTimeoutSeconds: 5,
      clinicPhone: 'call us',
    })
    expect(result.ok).toBe(false)
    const fields = result.ok ? [] : result.problems.map((p) => p.field)
    expect(fields.sort()).toEqual(['clinicPhone', 'idleTimeoutSeconds'])
    expect(await readdir(dir)).not.toContain(settingsFileName)
    expect(await handlers.getSettings()).toEqual(defaultSettings)
    expect(onSettings).not.toHaveBeenCalledWith(expect.objectContaining({ idleTimeoutSeconds: 5 }))
  })

  it('saves valid settings, which apply at once, and audits only the changed field names', async () => {
    const { handlers, onSettings } = await signedIn()
    const wanted = { ...defaultSettings, clinicName: 'Riverside Clinic', idleTimeoutSeconds: 120 }
    expect(await handlers.staffSaveSettings(wanted)).toEqual({ ok: true, settings: wanted })
    expect(await handlers.getSettings()).toEqual(wanted)
    expect(onSettings).toHaveBeenCalledWith(wanted)
    expect((await handlers.staffAudit({ limit: 1 }))[0]).toMatchObject({
      event: 'settings-changed',
      detail: 'clinicName, idleTimeoutSeconds',
    })
    expect(await readFile(join(dir, auditFileName), 'utf8')).not.toContain('Riverside')
  })

  it('keeps the audit line short when many settings change at once', async () => {
    const { handlers } = await signedIn()
    await handlers.staffSaveSettings({
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
    const [entry] = await handlers.staffAudit({ limit: 1 })
    expect(entry?.event).toBe('settings-changed')
    expect(entry?.detail?.length).toBeLessThanOrEqual(200)
    expect(entry?.detail).toMatch(/^clinicName, clinicPhone, .* and \d+ more$/)
  })

  it('lists printers and test-prints with the saved printer settings', async () => {
    const { handlers, shell } = await signedIn()
    expect(await handlers.staffListPrinters()).toEqual([frontDesk])
    const wanted = {
      ...defaultSettings,
      printerName: 'Front Desk Printer',
      paperSize: 'A4' as const,
    }
    await handlers.staffSaveSettings(wanted)
    expect(await handlers.staffTestPrint()).toEqual({ ok: true, via: 'printer' })
    expect(shell.testPrint).toHaveBeenCalledWith(wanted)
  })
})

describe('staff content changes', () => {
  it('shows a saved section in getContent at once, then resets it to the shipped version', async () => {
    const { handlers } = await signedIn()
    const shipped = await shippedDocument(handlers, 'what-is')
    const edited = { ...shipped, title: 'What a back spasm is', order: 99 }
    expect(
      await handlers.staffSaveDocument({ locale: 'en', kind: 'section', document: edited }),
    ).toEqual({ ok: true })
    const { content } = await handlers.getContent('en')
    expect(content.sections.at(-1)).toEqual(edited)
    // Other languages keep their own pages.
    const spanish = await handlers.getContent('es')
    expect(spanish.content.sections.map((s) => s.title)).not.toContain('What a back spasm is')

    expect(
      await handlers.staffResetDocument({ locale: 'en', kind: 'section', id: 'what-is' }),
    ).toEqual({ ok: true })
    expect(await shippedDocument(handlers, 'what-is')).toEqual(shipped)
    const events = (await auditEvents(handlers)).map(({ event, detail }) => [event, detail])
    expect(events.slice(-2)).toEqual([
      ['content-changed', 'en/section/what-is'],
      ['content-changed', 'en/section/what-is reset to the shipped version'],
    ])
  })

  it('explains an invalid document field by field, and refuses pages the app does not ship', async () => {
    const { handlers, overrides } = await signedIn()
    const shipped = await shippedDocument(handlers, 'what-is')
    const invalid = await handlers.staffSaveDocument({
      locale: 'en',
      kind: 'section',
      document: { ...shipped, title: '', blocks: [{ kind: 'video' }] },
    })
    expect(invalid.ok).toBe(false)
    expect(invalid.ok ? [] : invalid.problems.map((p) => p.field).sort()).toEqual([
      'blocks.0.kind',
      'title',
    ])

    const invented = await handlers.staffSaveDocument({
      locale: 'en',
      kind: 'section',
      document: { ...shipped, id: 'my-new-page' },
    })
    expect(invented).toEqual({
      ok: false,
      problems: [{ field: 'id', message: expect.stringContaining('not add new ones') }],
    })
    // A section is not a take-home sheet.
    const wrongKind = await handlers.staffSaveDocument({
      locale: 'en',
      kind: 'sheet',
      document: shipped,
    })
    expect(wrongKind.ok).toBe(false)
    expect(await overrides.list()).toEqual({})
  })

  it('keeps history, and restoring an earlier version brings its text back', async () => {
    const { handlers } = await signedIn()
    const shipped = await shippedDocument(handlers, 'what-is')
    const edited = { ...shipped, title: 'What a back spasm is' }
    await handlers.staffSaveDocument({ locale: 'en', kind: 'section', document: edited })
    clock += minute
    await handlers.staffResetDocument({ locale: 'en', kind: 'section', id: 'what-is' })

    const history = await handlers.staffHistory()
    expect(history.map((entry) => entry.summary)).toEqual([
      'Reset en/section/what-is to the shipped version',
      'Edited en/section/what-is',
    ])
    expect(Object.keys(history[0] ?? {}).sort()).toEqual(['at', 'id', 'summary'])
    expect(await handlers.staffRestore({ id: history[1]!.id })).toEqual({ ok: true })
    expect((await shippedDocument(handlers, 'what-is')).title).toBe('What a back spasm is')
    expect((await handlers.staffAudit({ limit: 1 }))[0]).toMatchObject({
      event: 'content-restored',
      detail: history[1]!.id,
    })

    const missing = await handlers.staffRestore({ id: '2020-01-01T00-00-00-000Z-000001' })
    expect(missing).toEqual({ ok: false, message: 'That saved version no longer exists.' })
  })
})

describe('staff backups', () => {
  async function withChanges() {
    const setUp = await signedIn()
    const shipped = await shippedDocument(setUp.handlers, 'what-is')
    await setUp.handlers.staffSaveSettings({ ...defaultSettings, clinicName: 'Riverside Clinic' })
    await setUp.handlers.staffSaveDocument({
      locale: 'en',
      kind: 'section',
      document: { ...shipped, title: 'What a back spasm is' },
    })
    return setUp
  }

  it('exports settings and content changes, never the PIN, and keeps a copy', async () => {
    const { handlers, backupsDir } = await withChanges()
    const exported = await handlers.staffExportBackup()
    const stamp = /^kiosk-backup-\d{4}-\d{2}-\d{2}-\d{6}\.json$/
    expect(exported.fileName).toMatch(stamp)
    expect(exported.savedTo).toBe(join(backupsDir, exported.fileName))
    expect(await readFile(exported.savedTo!, 'utf8')).toBe(exported.text)

    const backup = JSON.parse(exported.text) as Record<string, unknown>
    expect(Object.keys(backup).sort()).toEqual([
      'exportedAt',
      'format',
      'overrides',
      'settings',
      'version',
    ])
    expect(backup['settings']).toMatchObject({ clinicName: 'Riverside Clinic' })
    expect(Object.keys(backup['overrides'] as object)).toEqual(['en/section/what-is'])
    const pinFile = JSON.parse(await readFile(join(dir, pinFileName), 'utf8')) as {
      hash: string
      salt: string
    }
    expect(exported.text).not.toContain(pinFile.hash)
    expect(exported.text).not.toContain(pinFile.salt)
    expect(exported.text).not.toMatch(/"(pin|hash|salt)"/i)
    expect((await handlers.staffAudit({ limit: 1 }))[0]).toMatchObject({
      event: 'export',
      detail: exported.fileName,
    })
  })

  it('imports a backup made elsewhere: settings and content changes together', async () => {
    const { handlers: source } = await withChanges()
    const { text } = await source.staffExportBackup()
    await rm(dir, { recursive: true, force: true })
    dir = await mkdtemp(join(tmpdir(), 'kiosk-staff-other-'))

    const { handlers } = await signedIn()
    expect(await handlers.staffImportBackup({ text })).toEqual({ ok: true })
    expect((await handlers.getSettings()).clinicName).toBe('Riverside Clinic')
    expect((await shippedDocument(handlers, 'what-is')).title).toBe('What a back spasm is')
    expect((await handlers.staffAudit({ limit: 1 }))[0]).toMatchObject({
      event: 'import',
      detail: 'settings and 1 content change',
    })
  })

  it('changes nothing when a backup is invalid, and says what is wrong', async () => {
    const { handlers, overrides } = await withChanges()
    const { text } = await handlers.staffExportBackup()
    const settingsBefore = await readFile(join(dir, settingsFileName), 'utf8')
    const overridesBefore = await overrides.list()
    const historyBefore = await handlers.staffHistory()

    const backup = JSON.parse(text) as {
      settings: Record<string, unknown>
      overrides: Record<string, Record<string, unknown>>
    }
    backup.settings['clinicName'] = 'Hilltop Clinic'
    backup.settings['idleTimeoutSeconds'] = 5
    backup.overrides['en/section/what-is']!['blocks'] = [{ kind: 'video' }]
    const invalid = await handlers.staffImportBackup({ text: JSON.stringify(backup) })
    expect(invalid.ok).toBe(false)
    expect(invalid.ok ? [] : invalid.problems.map((p) => p.field).sort()).toEqual([
      'overrides.en/section/what-is.blocks.0.kind',
      'settings.idleTimeoutSeconds',
    ])

    // Valid in itself, but for a page this kiosk does not have.
    const shipped = await shippedDocument(handlers, 'what-is')
    const invented = JSON.parse(text) as typeof backup
    invented.settings['clinicName'] = 'Hilltop Clinic'
    invented.overrides['en/section/my-new-page'] = { ...shipped, id: 'my-new-page' }
    expect(await handlers.staffImportBackup({ text: JSON.stringify(invented) })).toEqual({
      ok: false,
      problems: [
        {
          field: 'overrides.en/section/my-new-page',
          message: expect.stringContaining('no section "my-new-page" in the English content'),
        },
      ],
    })

    expect(await handlers.staffImportBackup({ text: 'hello' })).toEqual({
      ok: false,
      problems: [
        {
          field: '(whole file)',
          message: 'This file is not a kiosk backup: it is not a JSON file.',
        },
      ],
    })

    expect(await readFile(join(dir, settingsFileName), 'utf8')).toBe(settingsBefore)
    expect(await overrides.list()).toEqual(overridesBefore)
    expect(await handlers.staffHistory()).toEqual(historyBefore)
    expect((await handlers.staffAudit({ limit: 1 }))[0]?.event).toBe('export')
  })
})

describe('staff problems, usage and shutting down', () => {
  it('lists problems from settings, usage and content changes the app no longer uses', async () => {
    await writeFile(join(dir, settingsFileName), '{"clinicName": ')
    await writeFile(join(dir, 'usage.json'), '{"version": 2}')
    const { handlers, overrides } = await signedIn()
    await handlers.getSettings()
    await handlers.staffUsage({ days: 1 })
    const shipped = await shippedDocument(handlers, 'what-is')
    await overrides.put('en/section/old-page', { ...shipped, id: 'old-page' })

    const problems = await handlers.staffProblems()
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: settingsFileName, field: '(whole file)' }),
        expect.objectContaining({ file: 'usage.json', field: 'version' }),
        expect.objectContaining({
          file: 'overrides/current.json',
          field: 'en/section/old-page',
          message: expect.stringContaining('no longer has this section'),
        }),
      ]),
    )
    expect(problems.filter((p) => p.file === 'overrides/current.json')).toHaveLength(1)
  })

  it('shows usage for the days asked', async () => {
    const { handlers } = await signedIn()
    await handlers.recordUsage({ type: 'visit' })
    const days = await handlers.staffUsage({ days: 7 })
    expect(days).toHaveLength(7)
    expect(days.at(-1)?.visits).toBe(1)
  })

  it('saves the usage counts and ends the session before exiting or restarting', async () => {
    const { handlers, shell } = await signedIn()
    await handlers.recordUsage({ type: 'visit' })
    await handlers.staffRestart()
    expect(shell.restart).toHaveBeenCalledTimes(1)
    const saved = JSON.parse(await readFile(join(dir, 'usage.json'), 'utf8')) as {
      days: Record<string, { visits: number }>
    }
    expect(Object.values(saved.days)[0]?.visits).toBe(1)
    expect(await handlers.staffStatus()).toMatchObject({ signedIn: false })

    await handlers.staffSignIn({ pin })
    await handlers.staffExit()
    expect(shell.exit).toHaveBeenCalledTimes(1)
    expect(await handlers.staffStatus()).toMatchObject({ signedIn: false })
  })
})
