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
    expect(ids(en.content.sections)).toEqual([
      'what-is',
      'causes',
      'symptoms',
      'get-help',
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

  const broken: [string, string, RegExp, RegExp][] = [
    ['bad YAML', 'id: what-is\ntitle: [unclosed\n', /^line \d+, column \d+$/, /not valid YAML/],
    [
      'a missing field',
      validSection('Hello').replace(/^summary:.*\n/m, ''),
      /^summary$/,
      /expected string/i,
    ],
    [
      'a wrong type',
      validSection('Hello').replace('visible: true', 'visible: maybe'),
      /^visible$/,
      /expected boolean/i,
    ],
    [
      'an unknown block kind',
      validSection('Hello').replace('kind: paragraph', 'kind: video'),
      /^blocks\.0\.kind$/,
      /invalid/i,
    ],
    [
      'an embedded <script>',
      validSection('Hello <script>alert(1)</script>'),
      /^title$/,
      /HTML tags are not allowed/,
    ],
  ]

  it.each(broken)(
    'reports %s with the file and field, and keeps the last good version',
    async (_what, text, field, message) => {
      const store = createContentStore({ contentDir: dir })
      const before = await store.load('en')
      const goodTitle = before.content.sections.find((s) => s.id === 'what-is')?.title

      await writeFile(whatIs(), text)
      const after = await store.load('en')
      expect(after.problems).toHaveLength(1)
      expect(after.problems[0]?.file).toBe('content/en/sections/what-is.yaml')
      expect(after.problems[0]?.field).toMatch(field)
      expect(after.problems[0]?.message).toMatch(message)
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
        message: 'the id "what-is" must match the file name "extra"',
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
