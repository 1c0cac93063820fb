import { describe, expect, it } from 'vitest'
import type { KioskApi } from '../../../../electron/shared/contract'
import { shippedSection, signedInKiosk, useTestClock, useUserDataFolder } from '../kiosk-fixture'

const folder = useUserDataFolder('kiosk-history-handlers-')
const clock = useTestClock()
const signedIn = () => signedInKiosk(folder(), { now: clock.now })
const second = 1000

async function edit(api: KioskApi, id: string, change: Record<string, unknown>) {
  const doc = await shippedSection(api, id)
  clock.advance(second)
  expect(
    await api.staffSaveDocument({ locale: 'en', kind: 'section', document: { ...doc, ...change } }),
  ).toEqual({ ok: true })
}

const sectionIds = async (api: KioskApi) =>
  (await api.getContent('en')).content.sections.map((s) => s.id)

describe('safety pages', () => {
  it('refuse to be hidden, by a save or by the show/hide button, and name the rule', async () => {
    const { api } = await signedIn()
    const getHelp = await shippedSection(api, 'get-help')
    expect(
      await api.staffSaveDocument({
        locale: 'en',
        kind: 'section',
        document: { ...getHelp, visible: false },
      }),
    ).toEqual({
      ok: false,
      problems: [{ field: 'visible', code: 'invalid', params: { rule: 'safety-page-shown' } }],
    })
    expect(
      await api.staffSetVisible({ locale: 'en', kind: 'section', id: 'get-help', visible: false }),
    ).toMatchObject({ ok: false, problems: [{ field: 'visible' }] })
    expect((await shippedSection(api, 'get-help')).visible).toBe(true)
  })

  it('keep their emergency lists: emptying one is refused at that list', async () => {
    const { api } = await signedIn()
    const getHelp = await shippedSection(api, 'get-help')
    const index = getHelp.blocks.findIndex((b) => b.kind === 'callout' && b.tone === 'emergency')
    const blocks = getHelp.blocks.map((block, i) => {
      if (i !== index || block.kind !== 'callout') return block
      const { items: _items, ...rest } = block
      return rest
    })
    expect(
      await api.staffSaveDocument({
        locale: 'en',
        kind: 'section',
        document: { ...getHelp, blocks },
      }),
    ).toEqual({
      ok: false,
      problems: [
        {
          field: `blocks.${index}.items`,
          code: 'invalid',
          params: { rule: 'emergency-list-kept' },
        },
      ],
    })
  })

  it('stay first: "When to get help" does not move, and nothing moves above it', async () => {
    const { api } = await signedIn()
    const before = await sectionIds(api)
    expect(before[0]).toBe('get-help')
    const cannot = { ok: false, problems: [{ field: 'order', code: 'cannot-move' }] }
    const move = (id: string, direction: 'up' | 'down') =>
      api.staffMoveDocument({ locale: 'en', kind: 'section', id, direction })
    expect(await move('get-help', 'down')).toEqual(cannot)
    expect(await move(before[1]!, 'up')).toEqual(cannot)
    expect(await move(before[1]!, 'down')).toEqual({ ok: true })
    expect(await sectionIds(api)).toEqual([before[0], before[2], before[1], ...before.slice(3)])
  })
})

describe('the content history', () => {
  it('says what each change was, who made it and which pages it changed', async () => {
    const { api } = await signedIn()
    await edit(api, 'causes', { title: 'Why spasms happen' })
    clock.advance(second)
    await api.staffSetVisible({ locale: 'en', kind: 'section', id: 'myths', visible: false })
    clock.advance(second)
    await api.staffSetVisible({ locale: 'en', kind: 'section', id: 'myths', visible: true })
    clock.advance(second)
    await api.staffMoveDocument({ locale: 'en', kind: 'section', id: 'causes', direction: 'down' })
    clock.advance(second)
    await api.staffResetDocument({ locale: 'en', kind: 'sheet', id: 'home-care' })
    const history = await api.staffHistory()
    expect(history.map(({ change, by, pages }) => ({ change, by, pages }))).toEqual([
      {
        change: { type: 'move', key: 'en/section/causes', direction: 'down' },
        by: { kind: 'staff' },
        pages: ['en/section/causes', 'en/section/symptoms'],
      },
      {
        change: { type: 'show', key: 'en/section/myths' },
        by: { kind: 'staff' },
        pages: ['en/section/myths'],
      },
      {
        change: { type: 'hide', key: 'en/section/myths' },
        by: { kind: 'staff' },
        pages: ['en/section/myths'],
      },
      {
        change: { type: 'edit', key: 'en/section/causes' },
        by: { kind: 'staff' },
        pages: ['en/section/causes'],
      },
    ])
    // To the second, as the entries were made.
    expect(new Date(history[0]!.at).getTime() - new Date(history[3]!.at).getTime()).toBe(3000)
  })

  it('opens an entry with each page before and after, the shipped text standing in for "no change"', async () => {
    const { api } = await signedIn()
    const shipped = await shippedSection(api, 'causes')
    await edit(api, 'causes', { title: 'Why spasms happen' })
    const [entry] = await api.staffHistory()
    const detail = await api.staffHistoryEntry({ id: entry!.id })
    expect(detail).toMatchObject({ ok: true, undoable: true })
    if (!detail.ok) throw new Error('no entry')
    expect(detail.pages).toEqual([
      {
        key: 'en/section/causes',
        before: shipped,
        after: { ...shipped, title: 'Why spasms happen' },
      },
    ])
  })

  it('undoes one change only: a later change to another part or page stays', async () => {
    const { api } = await signedIn()
    await edit(api, 'causes', { title: 'Why spasms happen' })
    const [titleEdit] = await api.staffHistory()
    await edit(api, 'causes', { summary: 'What sets a spasm off.' })
    await edit(api, 'what-is', { title: 'About back spasms' })

    expect(await api.staffUndo({ id: titleEdit!.id })).toEqual({ ok: true })
    const causes = await shippedSection(api, 'causes')
    expect(causes.title).not.toBe('Why spasms happen')
    expect(causes.summary).toBe('What sets a spasm off.')
    expect((await shippedSection(api, 'what-is')).title).toBe('About back spasms')
    const [undo] = await api.staffHistory()
    expect(undo?.change).toEqual({
      type: 'undo',
      of: titleEdit!.at,
      undone: 'edit',
      key: 'en/section/causes',
    })
  })

  it('refuses an undo that would take back later work on the same part, and changes nothing', async () => {
    const { api } = await signedIn()
    await edit(api, 'causes', { title: 'Why spasms happen' })
    const [first] = await api.staffHistory()
    await edit(api, 'causes', { title: 'What causes a spasm' })
    expect(await api.staffUndo({ id: first!.id })).toEqual({
      ok: false,
      problems: [{ field: 'en/section/causes', code: 'changed-since' }],
    })
    expect((await shippedSection(api, 'causes')).title).toBe('What causes a spasm')
  })

  it('undoing the only change of a page brings the shipped text back with no change left over', async () => {
    const { api, services } = await signedIn()
    await edit(api, 'causes', { title: 'Why spasms happen' })
    const [entry] = await api.staffHistory()
    await api.staffUndo({ id: entry!.id })
    expect(await services.overrides.list()).toEqual({})
  })

  it('shows what going back to a version will change before doing it, and that is all it does', async () => {
    const { api } = await signedIn()
    const shipped = await shippedSection(api, 'causes')
    const shippedWhatIs = await shippedSection(api, 'what-is')
    await edit(api, 'causes', { title: 'Why spasms happen' })
    const [version] = await api.staffHistory()
    await edit(api, 'causes', { title: 'What causes a spasm' })
    await edit(api, 'what-is', { title: 'About back spasms' })
    const whatIs = await shippedSection(api, 'what-is')

    const preview = await api.staffRestorePreview({ id: version!.id })
    expect(preview).toMatchObject({ ok: true })
    if (!preview.ok) throw new Error('no preview')
    expect(
      preview.pages.map(({ key, before, after }) => [key, before?.title, after?.title]),
    ).toEqual([
      ['en/section/causes', 'What causes a spasm', 'Why spasms happen'],
      ['en/section/what-is', 'About back spasms', shippedWhatIs.title],
    ])
    expect(await shippedSection(api, 'causes')).not.toEqual({
      ...shipped,
      title: 'Why spasms happen',
    })
    expect(whatIs.title).toBe('About back spasms')

    expect(await api.staffRestore({ id: version!.id })).toEqual({ ok: true })
    expect((await shippedSection(api, 'causes')).title).toBe('Why spasms happen')
    expect((await api.staffHistory())[0]?.change).toEqual({ type: 'restore', from: version!.at })
  })
})
