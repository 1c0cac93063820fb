import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ContentUnavailableError,
  createContentStore,
} from '../../../electron/services/content-store'

const shipped = fileURLToPath(new URL('../../../content', import.meta.url))
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-content-'))
  await cp(shipped, dir, { recursive: true })
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const whatIs = () => join(dir, 'en', 'sections', 'what-is.yaml')
const validSection = (title: string) => `id: what-is
title: ${title}
summary: A short summary.
illustration: section-what-is
order: 1
visible: true
lastReviewed: 2026-11-01
sources:
  - organisation: NHS
    title: Back pain
blocks:
  - kind: paragraph
    text: A spasm is a muscle that tightens and will not let go.
`

describe('content store', () => {
  it('loads the shipped content of both languages with the same section ids and no problems', async () => {
    const store = createContentStore({ contentDir: dir })
    const en = await store.load('en')
    const es = await store.load('es')
    expect(en.problems).toEqual([])
    expect(es.problems).toEqual([])
    const ids = (sections: { id: string }[]) => sections.map((s) => s.id)
    // "When to get help" leads whatever its order number (shared/safety-pages.ts).
    expect(ids(en.content.sections)).toEqual([
      'get-help',
      'what-is',
      'causes',
      'symptoms',
      'treatment',
      'daily-life',
      'what-to-expect',
      'myths',
      'prevention',
      'questions',
    ])
    expect(ids(es.content.sections)).toEqual(ids(en.content.sections))
    expect(ids(es.content.sheets)).toEqual(ids(en.content.sheets))
  })

  const broken: [string, string, string, Record<string, unknown>][] = [
    [
      'bad YAML',
      'id: what-is\ntitle: [unclosed\n',
      '(whole file)',
      { code: 'not-yaml', params: { line: expect.any(Number), column: expect.any(Number) } },
    ],
    [
      'a missing field',
      validSection('Hello').replace(/^summary:.*\n/m, ''),
      'summary',
      { code: 'invalid', params: { rule: 'invalid_type', expected: 'string' } },
    ],
    [
      'a wrong type',
      validSection('Hello').replace('visible: true', 'visible: maybe'),
      'visible',
      { code: 'invalid', params: { rule: 'invalid_type', expected: 'boolean' } },
    ],
    [
      'an unknown block kind',
      validSection('Hello').replace('kind: paragraph', 'kind: video'),
      'blocks.0.kind',
      { code: 'invalid', params: { rule: 'invalid_union' } },
    ],
    [
      'an embedded <script>',
      validSection('Hello <script>alert(1)</script>'),
      'title',
      { code: 'invalid', params: { rule: 'no-html' } },
    ],
  ]

  it.each(broken)(
    'reports %s with the file, the field and its code, and keeps the last good version',
    async (_what, text, field, problem) => {
      const store = createContentStore({ contentDir: dir })
      const before = await store.load('en')
      const goodTitle = before.content.sections.find((s) => s.id === 'what-is')?.title

      await writeFile(whatIs(), text)
      const after = await store.load('en')
      expect(after.problems).toEqual([
        { file: 'content/en/sections/what-is.yaml', field, ...problem },
      ])
      expect(after.content.sections.find((s) => s.id === 'what-is')?.title).toBe(goodTitle)
    },
  )

  it('uses a valid edit as soon as it is saved', async () => {
    const store = createContentStore({ contentDir: dir })
    await store.load('en')
    await writeFile(whatIs(), validSection('What a back spasm is'))
    const result = await store.load('en')
    expect(result.problems).toEqual([])
    expect(result.content.sections.find((s) => s.id === 'what-is')?.title).toBe(
      'What a back spasm is',
    )
  })

  it('refuses a file whose id does not match its name', async () => {
    await writeFile(join(dir, 'en', 'sections', 'extra.yaml'), validSection('Extra'))
    const result = await createContentStore({ contentDir: dir }).load('en')
    expect(result.problems).toEqual([
      {
        file: 'content/en/sections/extra.yaml',
        field: 'id',
        code: 'id-mismatch',
        params: { id: 'what-is', expected: 'extra' },
      },
    ])
  })

  it('says plainly when a language has no usable content at all', async () => {
    await rm(join(dir, 'es'), { recursive: true })
    const error = await createContentStore({ contentDir: dir })
      .load('es')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContentUnavailableError)
    expect((error as ContentUnavailableError).problems.map((p) => p.file)).toContain(
      'content/es/site.yaml',
    )
  })
})
