import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOverrideStore } from '../../../electron/services/override-store'
import type { ContentDocument } from '../../../electron/shared/content-schema'

let dir: string
let clock: number
const store = () => createOverrideStore({ dir, now: () => new Date(clock) })
const current = () => join(dir, 'overrides', 'current.json')
const historyDir = () => join(dir, 'overrides', 'history')

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-overrides-'))
  clock = Date.parse('2026-11-21T10:00:00Z')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function doc(id: string, title: string, changes: Partial<ContentDocument> = {}): ContentDocument {
  return {
    id,
    title,
    summary: 'A short summary.',
    illustration: 'section-what-is',
    order: 1,
    visible: true,
    lastReviewed: '2026-11-01',
    sources: [{ organisation: 'NHS', title: 'Back pain' }],
    blocks: [{ kind: 'paragraph', text: 'A spasm is a muscle that tightens.' }],
    ...changes,
  }
}

describe('override store', () => {
  it('starts empty, then puts, gets, lists and removes overrides', async () => {
    const overrides = store()
    expect(await overrides.list()).toEqual({})
    expect(await overrides.get('en/section/what-is')).toBeNull()

    const edited = doc('what-is', 'What a spasm is')
    expect(await overrides.put('en/section/what-is', edited, { by: { kind: 'staff' } })).toEqual({
      ok: true,
      changed: true,
    })
    expect(await overrides.put('es/sheet/stretches', doc('stretches', 'Estiramientos'))).toEqual({
      ok: true,
      changed: true,
    })
    expect(await overrides.get('en/section/what-is')).toEqual(edited)
    expect(Object.keys(await overrides.list())).toEqual([
      'en/section/what-is',
      'es/sheet/stretches',
    ])

    // A new store over the same folder (an app restart) sees the same overrides.
    expect(await store().get('en/section/what-is')).toEqual(edited)

    expect(await overrides.remove('en/section/what-is')).toEqual({ ok: true, changed: true })
    expect(await overrides.get('en/section/what-is')).toBeNull()
    expect(await overrides.remove('en/section/what-is')).toEqual({ ok: true, changed: false })
    expect(Object.keys(await store().list())).toEqual(['es/sheet/stretches'])

    expect((await overrides.history()).map((h) => h.change)).toEqual([
      { type: 'reset', key: 'en/section/what-is' },
      { type: 'edit', key: 'es/sheet/stretches' },
      { type: 'edit', key: 'en/section/what-is' },
    ])
    expect((await overrides.history())[2]).toMatchObject({ by: { kind: 'staff' } })
  })

  it('records no new version when a save changes nothing', async () => {
    const overrides = store()
    await overrides.put('en/section/what-is', doc('what-is', 'Same'))
    expect(await overrides.put('en/section/what-is', doc('what-is', 'Same'))).toEqual({
      ok: true,
      changed: false,
    })
    expect(await overrides.history()).toHaveLength(1)
  })

  it('never answers with something that is not an override', async () => {
    expect(await store().get('__proto__')).toBeNull()
    expect(await store().get('toString')).toBeNull()
  })

  it.each<[string, string, unknown, string, Record<string, unknown>]>([
    [
      'an unknown block kind',
      'en/section/what-is',
      doc('what-is', 'Hi', { blocks: [{ kind: 'video' } as never] }),
      'blocks.0.kind',
      { rule: 'invalid_union' },
    ],
    [
      'HTML in a title',
      'en/section/what-is',
      doc('what-is', '<b>Hi</b>'),
      'title',
      { rule: 'no-html' },
    ],
    [
      'a missing field',
      'en/section/what-is',
      { id: 'what-is' },
      'title',
      { rule: 'invalid_type', expected: 'string' },
    ],
    [
      'an id that does not match',
      'en/section/what-is',
      doc('causes', 'Hi'),
      'id',
      { rule: 'id-matches-name' },
    ],
    [
      'a bad key',
      'fr/section/what-is',
      doc('what-is', 'Hi'),
      '(whole document)',
      { rule: 'change-name' },
    ],
    [
      'a path in the key',
      'en/section/../../etc',
      doc('what-is', 'Hi'),
      '(whole document)',
      { rule: 'change-name' },
    ],
  ])('refuses %s and changes nothing', async (_what, key, value, field, params) => {
    const overrides = store()
    await overrides.put('en/section/what-is', doc('what-is', 'Kept'))
    const before = await readFile(current(), 'utf8')

    const result = await overrides.put(key, value)
    expect(result.ok).toBe(false)
    const problem = !result.ok ? result.problems[0] : undefined
    expect(problem).toEqual({ file: key, field, code: 'invalid', params })

    expect(await readFile(current(), 'utf8')).toBe(before)
    expect(await overrides.history()).toHaveLength(1)
    expect((await store().get('en/section/what-is'))?.title).toBe('Kept')
  })

  it('keeps the last 50 versions and restores old text from one of them', async () => {
    const overrides = store()
    for (let i = 1; i <= 55; i++) {
      clock += 60_000
      await overrides.put('en/section/what-is', doc('what-is', `Title ${i}`))
    }
    const history = await overrides.history()
    expect(history).toHaveLength(50)
    expect(await readdir(historyDir())).toHaveLength(50)
    expect(history[0]?.change).toEqual({ type: 'edit', key: 'en/section/what-is' })
    // Newest first; versions 1 to 5 are gone.
    expect(history[0]?.at).toBe(new Date(clock).toISOString())
    expect(history[49]?.at).toBe(new Date(clock - 49 * 60_000).toISOString())

    const tenth = history[45]
    expect(tenth?.at).toBe(new Date(Date.parse('2026-11-21T10:00:00Z') + 10 * 60_000).toISOString())
    clock += 60_000
    expect(await overrides.restore(tenth?.id ?? '')).toEqual({ ok: true, changed: true })
    expect((await overrides.get('en/section/what-is'))?.title).toBe('Title 10')
    expect((await store().get('en/section/what-is'))?.title).toBe('Title 10')

    const after = await overrides.history()
    expect(after).toHaveLength(50)
    expect(after[0]?.change).toEqual({ type: 'restore', from: tenth?.at })
  })

  it('refuses to restore a version that does not exist or names another file', async () => {
    const overrides = store()
    await overrides.put('en/section/what-is', doc('what-is', 'Kept'))
    for (const id of ['2020-01-01T00-00-00-000Z-000099', '../current', '../../settings']) {
      const result = await overrides.restore(id)
      expect(result.ok).toBe(false)
      expect(result).toEqual({
        ok: false,
        problems: [{ file: 'overrides/history', field: id, code: 'version-missing' }],
      })
    }
    expect((await overrides.get('en/section/what-is'))?.title).toBe('Kept')
  })

  it('replaces all overrides at once, or none when any is invalid', async () => {
    const overrides = store()
    await overrides.put('en/section/what-is', doc('what-is', 'Kept'))
    const bad = await overrides.replaceAll({
      'en/section/causes': doc('causes', 'Causes'),
      'en/sheet/stretches': doc('stretches', ''),
    })
    expect(bad).toMatchObject({ ok: false })
    expect(!bad.ok && bad.problems).toEqual([
      {
        file: 'overrides',
        field: 'en/sheet/stretches.title',
        code: 'invalid',
        params: { rule: 'not-empty', minimum: 1, origin: 'string' },
      },
    ])
    expect(Object.keys(await overrides.list())).toEqual(['en/section/what-is'])

    expect(await overrides.replaceAll({ 'en/section/causes': doc('causes', 'Causes') })).toEqual({
      ok: true,
      changed: true,
    })
    expect(Object.keys(await overrides.list())).toEqual(['en/section/causes'])
    expect((await overrides.history())[0]?.change).toEqual({ type: 'import' })
  })

  it('moves a corrupt current.json aside and carries on from the newest saved version', async () => {
    const first = store()
    await first.put('en/section/what-is', doc('what-is', 'Version one'))
    clock += 60_000
    await first.put('en/section/what-is', doc('what-is', 'Version two'))
    await writeFile(current(), '{"version": 1, "documents": {"en/sec')

    clock += 60_000
    const overrides = store()
    expect((await overrides.get('en/section/what-is'))?.title).toBe('Version two')
    expect(overrides.problems()).toEqual([
      {
        file: 'overrides/current.json',
        field: '(whole file)',
        code: 'not-json',
        movedTo: join(dir, 'overrides', 'current.json.invalid-2026-11-21T10-02-00-000Z'),
        fallback: 'saved-version-in-use',
        params: { savedAt: '2026-11-21T10:01:00.000Z' },
      },
    ])
    const names = await readdir(join(dir, 'overrides'))
    expect(names.sort()).toEqual([
      'current.json',
      'current.json.invalid-2026-11-21T10-02-00-000Z',
      'history',
    ])
    expect((await store().get('en/section/what-is'))?.title).toBe('Version two')
  })

  it('starts empty when current.json is invalid and there is no history', async () => {
    await store().list()
    await writeFile(
      current(),
      JSON.stringify({ version: 1, documents: { 'en/section/what-is': { id: 'what-is' } } }),
    )
    const overrides = store()
    expect(await overrides.list()).toEqual({})
    expect(overrides.problems()[0]).toMatchObject({
      file: 'overrides/current.json',
      field: 'documents.en/section/what-is.title',
      code: 'invalid',
      fallback: 'no-changes-in-use',
    })
    expect(overrides.problems()[0]?.params).not.toHaveProperty('savedAt')
  })

  it('skips a damaged version file when recovering and in the history list', async () => {
    const overrides = store()
    await overrides.put('en/section/what-is', doc('what-is', 'Good'))
    clock += 60_000
    await overrides.put('en/section/what-is', doc('what-is', 'Later'))
    const newest = (await overrides.history())[0]?.id ?? ''
    await writeFile(join(historyDir(), `${newest}.json`), 'not json')
    await writeFile(current(), 'not json either')

    const recovered = store()
    expect((await recovered.get('en/section/what-is'))?.title).toBe('Good')
    expect(await recovered.history()).toHaveLength(1)
    const restore = await recovered.restore(newest)
    expect(restore).toEqual({
      ok: false,
      problems: [
        {
          file: `overrides/history/${newest}.json`,
          field: '(whole file)',
          code: 'version-damaged',
        },
      ],
    })
  })

  it('applies changes arriving at the same time one after another', async () => {
    const overrides = store()
    await Promise.all(
      ['what-is', 'causes', 'symptoms', 'treatment'].map((id) =>
        overrides.put(`en/section/${id}`, doc(id, id)),
      ),
    )
    expect(Object.keys(await store().list())).toHaveLength(4)
    expect(await overrides.history()).toHaveLength(4)
  })

  it('leaves out a saved change that hides a safety section, keeps the others, and says so', async () => {
    const getHelp = doc('get-help', 'When to get help', {
      visible: false,
      blocks: [{ kind: 'callout', tone: 'emergency', title: 'Call now', items: ['Chest pain.'] }],
    })
    const causes = doc('causes', 'Why spasms happen')
    await mkdir(join(dir, 'overrides'), { recursive: true })
    await writeFile(
      current(),
      JSON.stringify({
        version: 1,
        documents: { 'en/section/get-help': getHelp, 'en/section/causes': causes },
      }),
    )
    const overrides = store()
    expect(await overrides.list()).toEqual({ 'en/section/causes': causes })
    expect(overrides.problems()).toEqual([
      {
        file: 'overrides/current.json',
        field: 'en/section/get-help.visible',
        code: 'invalid',
        params: { rule: 'safety-page-shown' },
        fallback: 'shipped-page-in-use',
      },
    ])
  })

  it('reads versions saved before entries said what they changed, comparing each with the one before', async () => {
    await mkdir(historyDir(), { recursive: true })
    const older = { 'en/section/causes': doc('causes', 'One') }
    const newer = { ...older, 'en/section/what-is': doc('what-is', 'Two') }
    const write = (id: string, at: string, documents: object, key: string) =>
      writeFile(
        join(historyDir(), `${id}.json`),
        JSON.stringify({
          version: 2,
          documents,
          at,
          change: { type: 'edit', key },
          author: 'staff',
        }),
      )
    await write(
      '2026-11-20T10-00-00-000Z-000001',
      '2026-11-20T10:00:00.000Z',
      older,
      'en/section/causes',
    )
    await write(
      '2026-11-20T11-00-00-000Z-000002',
      '2026-11-20T11:00:00.000Z',
      newer,
      'en/section/what-is',
    )
    const history = await store().history()
    expect(history.map((entry) => [entry.by, Object.keys(entry.pages)])).toEqual([
      [{ kind: 'staff' }, ['en/section/what-is']],
      [{ kind: 'staff' }, ['en/section/causes']],
    ])
  })
})
