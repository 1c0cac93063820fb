import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  checkContent,
  formatConsoleReport,
  formatMarkdownReport,
} from '../../../scripts/content-check-core'

const shipped = fileURLToPath(new URL('../../../content', import.meta.url))
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-content-check-'))
  await cp(shipped, dir, { recursive: true })
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const hardSection = `id: what-is
title: What is a back spasm?
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
    text: Nonsteroidal anti-inflammatory medications occasionally precipitate gastrointestinal complications, particularly among elderly individuals with cardiovascular comorbidities, necessitating individualised pharmacological consideration.
`

describe('content check', () => {
  it('passes the shipped content', async () => {
    const result = await checkContent(dir)
    expect(result.failures).toEqual([])
    expect(result.locales.map((check) => [check.locale, check.loaded])).toEqual([
      ['en', true],
      ['es', true],
    ])
    for (const check of result.locales) {
      expect(check.problems).toEqual([])
      expect(check.documents.some((doc) => doc.kind === 'section')).toBe(true)
    }
    expect(formatConsoleReport(result)).toContain('PASSED')
    // No date in the Markdown, so regenerating it only changes it when the content changes.
    expect(formatMarkdownReport(result)).not.toMatch(/\b20\d\d-\d\d-\d\d\b/)
  })

  it('fails an English section that is too hard to read, naming it and its grade', async () => {
    await writeFile(join(dir, 'en', 'sections', 'what-is.yaml'), hardSection)
    const result = await checkContent(dir)

    const figures = result.locales[0]?.documents.find((doc) => doc.id === 'what-is')
    expect(figures?.passes).toBe(false)
    expect(figures?.fkGrade).toBeGreaterThan(7)
    expect(result.failures).toEqual([
      `content/en/sections/what-is.yaml: section "what-is" is at Flesch-Kincaid grade ${figures?.fkGrade?.toFixed(1)}, above the limit of 7`,
    ])
    expect(formatConsoleReport(result)).toMatch(/FAILED[\s\S]*"what-is" is at Flesch-Kincaid/)
  })

  it('fails when a Spanish section is missing, naming the missing id', async () => {
    await rm(join(dir, 'es', 'sections', 'causes.yaml'))
    const result = await checkContent(dir)
    expect(result.failures).toEqual([
      'section "causes" is in content/en but missing from content/es',
    ])
    expect(formatMarkdownReport(result)).toContain('do not have the same section and sheet ids')
  })

  it('fails on a schema problem and on a missing locale', async () => {
    await writeFile(
      join(dir, 'en', 'sheets', 'stretches.yaml'),
      hardSection.replace('id: what-is', 'id: stretches').replace('kind: paragraph', 'kind: poem'),
    )
    await rm(join(dir, 'es'), { recursive: true })
    const result = await checkContent(dir)
    expect(result.locales[0]?.problems[0]).toMatchObject({
      file: 'content/en/sheets/stretches.yaml',
    })
    expect(result.failures).toEqual([
      'content/en has 1 content problem (listed)',
      'content/es is missing: every locale needs its own content folder',
    ])
  })
})
