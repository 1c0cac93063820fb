import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContentDocument } from '@shared/content-schema'
import type { KioskApi } from '@shared/contract'
import { createBrowserKiosk } from '@/platform/browser-kiosk'
import { pinStorageKey } from '@/platform/browser-pin'
import { createBrowserStaff } from '@/platform/browser-staff'

/** Local noon, so a day boundary in any time zone is far from the test's clock. */
let clock: number
const minute = 60_000
const day = 24 * 60 * minute
const storage = () => window.localStorage
const kiosk = (): KioskApi => createBrowserKiosk(storage(), { now: () => clock })

async function signedIn(pin = '2468'): Promise<KioskApi> {
  const api = kiosk()
  expect(await api.staffSetPin({ pin })).toEqual({ ok: true })
  return api
}

async function section(api: KioskApi, id: string, locale: 'en' | 'es' = 'en') {
  const { content } = await api.getContent(locale)
  const found = content.sections.find((s) => s.id === id)
  if (!found) throw new Error(`no section ${id}`)
  return found
}

/** Everything the kiosk keeps, except the activity log, which grows with every call. */
function snapshot(): Record<string, string | null> {
  const keys = Object.keys(storage()).filter((key) => key !== 'kiosk.audit')
  return Object.fromEntries(keys.map((key) => [key, storage().getItem(key)]))
}

beforeEach(() => {
  clock = new Date(2026, 10, 21, 12, 0, 0).getTime()
  vi.stubGlobal('print', vi.fn())
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('browser staff PIN', () => {
  it('has no default PIN: the first PIN is set without one and signs staff in', async () => {
    const api = kiosk()
    expect(await api.staffStatus()).toEqual({
      pinSet: false,
      signedIn: false,
      lockedUntil: null,
      attemptsLeft: 5,
    })
    expect(await api.staffSignIn({ pin: '0000' })).toMatchObject({ ok: false, reason: 'not-set' })
    expect(await api.staffSetPin({ pin: '12' })).toEqual({
      ok: false,
      message: 'The PIN must be 4 to 8 digits long.',
    })
    expect(await api.staffSetPin({ pin: '2468' })).toEqual({ ok: true })
    expect(await api.staffStatus()).toMatchObject({ pinSet: true, signedIn: true })
    expect(await api.staffAudit({ limit: 10 })).toMatchObject([
      { event: 'pin-changed', detail: 'first PIN set' },
    ])
  })

  it('changes the PIN only for signed-in staff who give the current PIN', async () => {
    const api = await signedIn('2468')
    expect(await api.staffSetPin({ pin: '1357' })).toEqual({
      ok: false,
      message: 'Enter the current PIN to change it.',
    })
    expect(await api.staffSetPin({ pin: '1357', currentPin: '9999' })).toMatchObject({
      ok: false,
      message: 'That PIN is not right. 4 tries left.',
    })
    expect(await api.staffSetPin({ pin: '1357', currentPin: '2468' })).toEqual({ ok: true })

    await api.staffSignOut()
    await expect(api.staffSetPin({ pin: '0000', currentPin: '1357' })).rejects.toThrow(
      'Staff sign-in is required',
    )
    expect(await api.staffSignIn({ pin: '2468' })).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await api.staffSignIn({ pin: '1357' })).toEqual({ ok: true })
  })

  it('signs staff out when guessing the current PIN locks the pad', async () => {
    const api = await signedIn('2468')
    for (let n = 0; n < 5; n++) await api.staffSetPin({ pin: '1357', currentPin: '0000' })
    expect(await api.staffStatus()).toMatchObject({ signedIn: false, attemptsLeft: 0 })
    await expect(api.staffHistory()).rejects.toThrow('Staff sign-in is required')
  })

  it('never stores the PIN in clear, only a salted PBKDF2 hash', async () => {
    const pin = '13572468'
    const api = await signedIn(pin)
    await api.staffSignIn({ pin })
    for (const key of Object.keys(storage())) {
      expect(storage().getItem(key)).not.toContain(pin)
    }
    const record = JSON.parse(storage().getItem(pinStorageKey) ?? '{}') as Record<string, unknown>
    expect(record).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 210_000 })
    expect(record.salt).toMatch(/^[0-9a-f]{32}$/)

    // The same PIN hashes differently each time it is set: the salt is random.
    window.localStorage.clear()
    await signedIn(pin)
    const again = JSON.parse(storage().getItem(pinStorageKey) ?? '{}') as Record<string, unknown>
    expect(again.hash).not.toBe(record.hash)
  })

  it('locks after five wrong PINs, and a new instance (a reload) stays locked', async () => {
    const api = await signedIn('2468')
    await api.staffSignOut()
    for (const left of [4, 3, 2, 1]) {
      expect(await api.staffSignIn({ pin: '0000' })).toEqual({
        ok: false,
        reason: 'wrong',
        attemptsLeft: left,
        lockedUntil: null,
        message: `That PIN is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`,
      })
    }
    const lockedUntil = clock + 5 * minute
    expect(await api.staffSignIn({ pin: '0000' })).toEqual({
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
      lockedUntil,
      message: 'Too many wrong PINs. The pad is locked for 5 minutes.',
    })
    expect(await api.staffSignIn({ pin: '2468' })).toMatchObject({ ok: false, reason: 'locked' })

    const reloaded = kiosk()
    expect(await reloaded.staffStatus()).toMatchObject({ lockedUntil, attemptsLeft: 0 })
    expect(await reloaded.staffSignIn({ pin: '2468' })).toMatchObject({ reason: 'locked' })

    clock += 5 * minute
    expect(await reloaded.staffStatus()).toMatchObject({ lockedUntil: null, attemptsLeft: 5 })
    expect(await reloaded.staffSignIn({ pin: '2468' })).toEqual({ ok: true })
    expect(await reloaded.staffAudit({ limit: 5 })).toEqual([
      { at: expect.any(String), event: 'sign-in' },
      {
        at: expect.any(String),
        event: 'sign-in-failed',
        detail: 'signing in: the PIN pad was locked',
      },
      {
        at: expect.any(String),
        event: 'sign-in-failed',
        detail: 'signing in: the PIN pad was locked',
      },
      { at: expect.any(String), event: 'locked', detail: 'signing in: too many wrong PINs' },
      { at: expect.any(String), event: 'sign-in-failed', detail: 'signing in: wrong PIN, 1 left' },
    ])
  })
})

describe('browser staff session', () => {
  it('refuses every staff-only method without sign-in', async () => {
    const api = await signedIn()
    await api.staffSignOut()
    const calls: (() => Promise<unknown>)[] = [
      () => api.staffSaveSettings({}),
      () => api.staffListPrinters(),
      () => api.staffTestPrint(),
      () => api.staffSaveDocument({ locale: 'en', kind: 'section', document: {} }),
      () => api.staffResetDocument({ locale: 'en', kind: 'section', id: 'what-is' }),
      () => api.staffHistory(),
      () => api.staffRestore({ id: 'x' }),
      () => api.staffExportBackup(),
      () => api.staffImportBackup({ text: '{}' }),
      () => api.staffUsage({ days: 7 }),
      () => api.staffAudit({ limit: 10 }),
      () => api.staffProblems(),
      () => api.staffExit(),
      () => api.staffRestart(),
    ]
    for (const call of calls) await expect(call()).rejects.toThrow('Staff sign-in is required')
    expect(window.print).not.toHaveBeenCalled()
  })

  it('ends after the staff idle time, sliding with each staff action', async () => {
    const api = await signedIn()
    clock += 119_000
    expect(await api.staffListPrinters()).toEqual([])
    clock += 119_000
    expect(await api.staffListPrinters()).toEqual([])
    clock += 120_000
    await expect(api.staffListPrinters()).rejects.toThrow('Staff sign-in is required')
    expect(await api.staffStatus()).toMatchObject({ signedIn: false })

    // The clinic's own staff idle time applies as soon as it is saved.
    await api.staffSignIn({ pin: '2468' })
    const settings = await api.getSettings()
    await api.staffSaveSettings({ ...settings, staffIdleTimeoutSeconds: 30 })
    clock += 31_000
    expect(await api.staffStatus()).toMatchObject({ signedIn: false })
  })
})

describe('browser staff settings', () => {
  it('lists every problem field by field and changes nothing', async () => {
    const api = await signedIn()
    const before = snapshot()
    const result = await api.staffSaveSettings({
      clinicName: '',
      clinicWebsite: 'ftp://example.org',
      idleTimeoutSeconds: 5,
      enabledLocales: ['en'],
      defaultLocale: 'es',
    })
    expect(result.ok).toBe(false)
    const fields = result.ok ? [] : result.problems.map((p) => p.field)
    expect(fields).toEqual(
      expect.arrayContaining(['clinicName', 'clinicWebsite', 'idleTimeoutSeconds']),
    )
    expect(snapshot()).toEqual(before)
  })

  it('saves valid settings where getSettings reads them', async () => {
    const api = await signedIn()
    const settings = { ...(await api.getSettings()), clinicName: 'Riverside Clinic' }
    expect(await api.staffSaveSettings(settings)).toEqual({ ok: true, settings })
    expect(await kiosk().getSettings()).toEqual(settings)
    expect(await api.staffAudit({ limit: 1 })).toMatchObject([
      { event: 'settings-changed', detail: 'clinicName' },
    ])
  })

  it('reports stored settings that were invalid and ignored', async () => {
    storage().setItem('kiosk.settings', '{"clinicName": 42}')
    const api = await signedIn()
    expect((await api.getSettings()).clinicName).toBe('Our clinic')
    expect(await api.staffProblems()).toContainEqual(
      expect.objectContaining({ file: 'kiosk.settings', field: 'clinicName' }),
    )
  })
})

describe('browser staff problems and shell', () => {
  it('reports stored content changes and counts that were invalid and ignored', async () => {
    storage().setItem('kiosk.overrides', '{"en/section/what-is": {"id": "what-is"}}')
    storage().setItem('kiosk.usage', 'not json')
    const api = await signedIn()
    expect((await section(api, 'what-is')).title).toBe('What is a back spasm?')
    expect(await api.staffUsage({ days: 1 })).toMatchObject([{ visits: 0 }])
    const files = (await api.staffProblems()).map((p) => p.file)
    expect(files).toContain('kiosk.overrides')
    expect(files).toContain('kiosk.usage')
  })

  it('prints a test page with the browser dialog and lists no printers', async () => {
    const api = await signedIn()
    expect(await api.staffListPrinters()).toEqual([])
    expect(await api.staffTestPrint()).toEqual({ ok: true, via: 'browser' })
    expect(window.print).toHaveBeenCalledTimes(1)
  })
})

describe('browser staff content changes', () => {
  it('shows a saved section in getContent, then resets and restores it', async () => {
    const api = await signedIn()
    const shipped = await section(api, 'what-is')
    const edited: ContentDocument = { ...shipped, title: 'What a back spasm is' }

    expect(
      await api.staffSaveDocument({ locale: 'en', kind: 'section', document: edited }),
    ).toEqual({ ok: true })
    expect((await section(kiosk(), 'what-is')).title).toBe('What a back spasm is')
    expect((await section(api, 'what-is', 'es')).title).not.toBe('What a back spasm is')

    expect(await api.staffResetDocument({ locale: 'en', kind: 'section', id: 'what-is' })).toEqual({
      ok: true,
    })
    expect((await section(api, 'what-is')).title).toBe(shipped.title)

    const history = await api.staffHistory()
    expect(history.map((h) => h.summary)).toEqual([
      'Reset en/section/what-is to the shipped version',
      'Edited en/section/what-is',
    ])
    expect(await api.staffRestore({ id: history[1]?.id ?? '' })).toEqual({ ok: true })
    expect((await section(api, 'what-is')).title).toBe('What a back spasm is')
    expect(await api.staffHistory()).toHaveLength(3)
    expect(await api.staffRestore({ id: 'no-such-version' })).toEqual({
      ok: false,
      message: 'That saved version no longer exists.',
    })
  })

  it('refuses invalid documents and documents that do not ship, changing nothing', async () => {
    const api = await signedIn()
    const shipped = await section(api, 'what-is')
    const before = snapshot()
    const invalid = await api.staffSaveDocument({
      locale: 'en',
      kind: 'section',
      document: { ...shipped, title: '', blocks: [{ kind: 'video' }] },
    })
    expect(invalid.ok).toBe(false)
    const fields = invalid.ok ? [] : invalid.problems.map((p) => p.field)
    expect(fields).toEqual(expect.arrayContaining(['title', 'blocks.0.kind']))

    const unknown = await api.staffSaveDocument({
      locale: 'en',
      kind: 'section',
      document: { ...shipped, id: 'no-such-page' },
    })
    expect(unknown).toMatchObject({ ok: false, problems: [{ field: 'id' }] })
    expect(snapshot()).toEqual(before)
    expect(await api.staffHistory()).toEqual([])
  })

  it('keeps the last 50 versions', async () => {
    const api = await signedIn()
    const shipped = await section(api, 'causes')
    for (let n = 1; n <= 55; n++) {
      clock += 1000
      const document = { ...shipped, title: `Causes, version ${n}` }
      expect(await api.staffSaveDocument({ locale: 'en', kind: 'section', document })).toEqual({
        ok: true,
      })
    }
    const history = await api.staffHistory()
    expect(history).toHaveLength(50)
    expect(new Set(history.map((h) => h.id)).size).toBe(50)
    const oldest = history.at(-1)?.id ?? ''
    expect(await api.staffRestore({ id: oldest })).toEqual({ ok: true })
    // Version 6 is the oldest left: versions 1 to 5 gave way.
    expect((await section(api, 'causes')).title).toBe('Causes, version 6')
    expect(await api.staffHistory()).toHaveLength(50)
  })
})

describe('browser staff backups', () => {
  it('exports settings and content changes, never the PIN', async () => {
    const pin = '97531'
    const api = await signedIn(pin)
    const shipped = await section(api, 'causes')
    await api.staffSaveDocument({
      locale: 'en',
      kind: 'section',
      document: { ...shipped, title: 'Why backs spasm' },
    })
    const { fileName, text } = await api.staffExportBackup()
    expect(fileName).toBe('kiosk-backup-2026-11-21-120000.json')
    const pinRecord = JSON.parse(storage().getItem(pinStorageKey) ?? '{}') as Record<string, string>
    for (const secret of [pin, pinRecord.hash ?? '', pinRecord.salt ?? '']) {
      expect(text).not.toContain(secret)
    }
    const backup = JSON.parse(text) as Record<string, unknown>
    expect(Object.keys(backup).sort()).toEqual([
      'exportedAt',
      'format',
      'overrides',
      'settings',
      'version',
    ])
    expect(Object.keys(backup.overrides as object)).toEqual(['en/section/causes'])
    expect(await api.staffAudit({ limit: 1 })).toMatchObject([
      { event: 'export', detail: fileName },
    ])
  })

  it('changes nothing when any part of an import is invalid', async () => {
    const api = await signedIn()
    const shipped = await section(api, 'causes')
    await api.staffSaveDocument({
      locale: 'en',
      kind: 'section',
      document: { ...shipped, title: 'Why backs spasm' },
    })
    const good = JSON.parse((await api.staffExportBackup()).text) as Record<string, unknown>
    const settings = good.settings as Record<string, unknown>
    const variant = (changes: Record<string, unknown>) => JSON.stringify({ ...good, ...changes })
    const before = snapshot()

    const cases: [string, string][] = [
      ['not JSON', '(whole file)'],
      [variant({ format: 'something-else' }), 'format'],
      [variant({ pin: '1234' }), '(whole file)'],
      [variant({ settings: { ...settings, clinicName: '' } }), 'settings.clinicName'],
      [
        variant({
          settings: { ...settings, clinicName: 'Imported clinic' },
          overrides: { 'en/section/no-such-page': { ...shipped, id: 'no-such-page' } },
        }),
        'overrides.en/section/no-such-page',
      ],
    ]
    for (const [text, field] of cases) {
      const result = await api.staffImportBackup({ text })
      expect(result.ok, field).toBe(false)
      expect(result.ok ? [] : result.problems.map((p) => p.field)).toContain(field)
      expect(snapshot()).toEqual(before)
    }
    expect((await api.getSettings()).clinicName).toBe('Our clinic')

    // The same file, made valid, is applied as a whole.
    const imported = variant({
      settings: { ...settings, clinicName: 'Imported clinic' },
      overrides: { 'en/section/what-is': { ...shipped, id: 'what-is', title: 'Imported title' } },
    })
    expect(await api.staffImportBackup({ text: imported })).toEqual({ ok: true })
    expect((await api.getSettings()).clinicName).toBe('Imported clinic')
    expect((await section(api, 'what-is')).title).toBe('Imported title')
    expect((await section(api, 'causes')).title).toBe(shipped.title)
    expect((await api.staffHistory())[0]?.summary).toBe('Imported a backup')
  })
})

describe('browser usage counts', () => {
  it('counts visitor events and prints per day, oldest day first', async () => {
    const api = kiosk()
    await api.recordUsage({ type: 'visit' })
    await api.recordUsage({ type: 'visit' })
    await api.recordUsage({ type: 'section-view', sectionId: 'causes', seconds: 41.6 })
    await api.recordUsage({ type: 'section-view', sectionId: 'causes', seconds: 10 })
    await api.recordUsage({ type: 'language', locale: 'es' })
    await api.recordUsage({ type: 'idle-reset' })
    // A malformed event from an old page is ignored, never thrown at the visitor.
    await api.recordUsage({ type: 'section-view', sectionId: 'Not An Id', seconds: 5 })
    expect(await api.printSheet({ sheetId: 'home-care', locale: 'es' })).toEqual({
      ok: true,
      via: 'browser',
    })
    expect(window.print).toHaveBeenCalledTimes(1)

    clock += day
    await kiosk().recordUsage({ type: 'visit' })

    const staff = await signedIn()
    const days = await staff.staffUsage({ days: 3 })
    expect(days).toEqual([
      {
        date: '2026-11-20',
        visits: 0,
        idleResets: 0,
        sections: {},
        prints: {},
        printFailures: {},
        languages: { en: 0, es: 0 },
      },
      {
        date: '2026-11-21',
        visits: 2,
        idleResets: 1,
        sections: { causes: { views: 2, seconds: 52 } },
        prints: { 'home-care/es': 1 },
        printFailures: {},
        languages: { en: 0, es: 1 },
      },
      {
        date: '2026-11-22',
        visits: 1,
        idleResets: 0,
        sections: {},
        prints: {},
        printFailures: {},
        languages: { en: 0, es: 0 },
      },
    ])
  })

  it('drops days older than 400 days', async () => {
    const staff = createBrowserStaff(storage(), { now: () => clock })
    await staff.recordUsage({ type: 'visit' })
    clock += 400 * day
    await staff.recordUsage({ type: 'visit' })
    const stored = JSON.parse(storage().getItem('kiosk.usage') ?? '{}') as {
      days: Record<string, unknown>
    }
    expect(Object.keys(stored.days)).toHaveLength(1)
  })
})
