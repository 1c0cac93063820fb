import { describe, expect, it } from 'vitest'
import type { KioskApi } from '../../../../electron/shared/contract'
import {
  auditTrail,
  createTestKiosk,
  shippedSection,
  signedInKiosk,
  useUserDataFolder,
  useTestClock,
} from '../kiosk-fixture'

const minute = 60_000
const folder = useUserDataFolder('kiosk-content-handlers-')
const clock = useTestClock()
const now = clock.now
const signedIn = () => signedInKiosk(folder(), { now })
const saveEnglish = (api: KioskApi, document: unknown, kind: 'section' | 'sheet' = 'section') =>
  api.staffSaveDocument({ locale: 'en', kind, document })

describe('staff content changes', () => {
  it('shows a saved section in getContent at once, then resets it to the shipped version', async () => {
    const setUp = await signedIn()
    const { api } = setUp
    const shipped = await shippedSection(api, 'what-is')
    const edited = { ...shipped, title: 'What a back spasm is', order: 99 }
    expect(await saveEnglish(api, edited)).toEqual({ ok: true })
    const { content } = await api.getContent('en')
    expect(content.sections.at(-1)).toEqual(edited)
    // Other languages keep their own pages.
    const spanish = await api.getContent('es')
    expect(spanish.content.sections.map((s) => s.title)).not.toContain('What a back spasm is')
    // So does a restarted kiosk on the same folder.
    expect((await shippedSection(createTestKiosk(folder()).api, 'what-is')).title).toBe(
      'What a back spasm is',
    )

    expect(await api.staffResetDocument({ locale: 'en', kind: 'section', id: 'what-is' })).toEqual({
      ok: true,
    })
    expect(await shippedSection(api, 'what-is')).toEqual(shipped)
    expect((await auditTrail(setUp)).slice(-2)).toEqual([
      ['content-changed', 'en/section/what-is'],
      ['content-changed', 'en/section/what-is reset to the shipped version'],
    ])
  })

  it('audits nothing when a save or a reset changes nothing', async () => {
    const setUp = await signedIn()
    const { api } = setUp
    const shipped = await shippedSection(api, 'what-is')
    await api.staffResetDocument({ locale: 'en', kind: 'section', id: 'what-is' })
    const edited = { ...shipped, title: 'What a back spasm is' }
    await saveEnglish(api, edited)
    await saveEnglish(api, edited)
    expect((await auditTrail(setUp)).filter(([event]) => event === 'content-changed')).toEqual([
      ['content-changed', 'en/section/what-is'],
    ])
    expect(await api.staffHistory()).toHaveLength(1)
  })

  it('names each invalid field of a document with the rule it breaks', async () => {
    const { api, services } = await signedIn()
    const shipped = await shippedSection(api, 'what-is')
    expect(await saveEnglish(api, { ...shipped, title: '', blocks: [{ kind: 'video' }] })).toEqual({
      ok: false,
      problems: [
        {
          field: 'title',
          code: 'invalid',
          params: { rule: 'not-empty', minimum: 1, origin: 'string' },
        },
        { field: 'blocks.0.kind', code: 'invalid', params: { rule: 'invalid_union' } },
      ],
    })
    expect(await saveEnglish(api, 'What is it?')).toEqual({
      ok: false,
      problems: [
        {
          field: '(whole document)',
          code: 'invalid',
          params: { rule: 'invalid_type', expected: 'object' },
        },
      ],
    })
    expect(await services.overrides.list()).toEqual({})
  })

  it('refuses pages the app does not ship, and a section saved as a sheet', async () => {
    const { api, services } = await signedIn()
    const shipped = await shippedSection(api, 'what-is')
    expect(await saveEnglish(api, { ...shipped, id: 'my-new-page' })).toEqual({
      ok: false,
      problems: [
        {
          field: 'id',
          code: 'not-shipped',
          params: { locale: 'en', kind: 'section', id: 'my-new-page' },
        },
      ],
    })
    expect(await saveEnglish(api, shipped, 'sheet')).toEqual({
      ok: false,
      problems: [
        {
          field: 'id',
          code: 'not-shipped',
          params: { locale: 'en', kind: 'sheet', id: 'what-is' },
        },
      ],
    })
    expect(await services.overrides.list()).toEqual({})
    expect(await api.staffHistory()).toEqual([])
  })

  it('keeps history, and restoring an earlier version brings its text back', async () => {
    const setUp = await signedIn()
    const { api } = setUp
    const shipped = await shippedSection(api, 'what-is')
    const edited = { ...shipped, title: 'What a back spasm is' }
    await saveEnglish(api, edited)
    clock.advance(minute)
    await api.staffResetDocument({ locale: 'en', kind: 'section', id: 'what-is' })

    const history = await api.staffHistory()
    expect(history.map(({ at, change }) => ({ at, change }))).toEqual([
      { at: clock.now().toISOString(), change: { type: 'reset', key: 'en/section/what-is' } },
      {
        at: new Date(clock.at - minute).toISOString(),
        change: { type: 'edit', key: 'en/section/what-is' },
      },
    ])
    expect(history[0]).toMatchObject({ by: { kind: 'staff' }, pages: ['en/section/what-is'] })

    clock.advance(minute)
    const earlier = history[1]!
    expect(await api.staffRestore({ id: earlier.id })).toEqual({ ok: true })
    expect((await shippedSection(api, 'what-is')).title).toBe('What a back spasm is')
    expect((await auditTrail(setUp)).at(-1)).toEqual(['content-restored', earlier.id])
    expect((await api.staffHistory())[0]?.change).toEqual({ type: 'restore', from: earlier.at })
  })

  it('says a saved version no longer exists, also for names that are not versions', async () => {
    const { api } = await signedIn()
    for (const id of ['2020-01-01T00-00-00-000Z-000001', '../current']) {
      expect(await api.staffRestore({ id })).toEqual({
        ok: false,
        problems: [{ field: id, code: 'version-missing' }],
      })
    }
  })
})
