import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
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

  it('keeps docs/content-report.md as the report of the shipped content', async () => {
    const committed = await readFile(
      fileURLToPath(new URL('../../../docs/content-report.md', import.meta.url)),
      'utf8',
    )
    // If this fails, run: npm run content:check -- --markdown docs/content-report.md
    expect(committed).toBe(formatMarkdownReport(await checkContent(dir)))
  })

  it('measures every document a visitor reads, the about page and the help check too', async () => {
    const result = await checkContent(dir)
    for (const check of result.locales) {
      const kinds = new Set(check.documents.map((doc) => doc.kind))
      expect(kinds).toEqual(new Set(['section', 'about', 'sheet', 'help-check']))
      for (const doc of check.documents) {
        expect(doc.passes, doc.file).toBe(true)
        expect(doc.parityDifferences, doc.file).toBe(0)
      }
    }
  })

  it('reports a Spanish stretch that says a different number of times, without failing to load', async () => {
    const file = join(dir, 'es', 'sheets', 'stretches.yaml')
    const yaml = await readFile(file, 'utf8')
    await writeFile(file, yaml.replace('repetitions: 8', 'repetitions: 5'))
    const result = await checkContent(dir)
    expect(result.locales.every((check) => check.loaded && check.problems.length === 0)).toBe(true)
    expect(result.failures).toEqual([
      expect.stringMatching(
        /^content\/es\/sheets\/stretches\.yaml \(block \d+, repetitions\): "5" in Spanish, "8" in English$/,
      ),
    ])
    const stretches = result.locales[1]?.documents.find((doc) => doc.id === 'stretches')
    expect(stretches?.parityDifferences).toBe(1)
    expect(formatConsoleReport(result)).toMatch(/stretches .* 1 differ/)
  })

  it('scores the sheets on PEMAT-P item by item, and fails a sheet that loses its plan box', async () => {
    const shipped = await checkContent(dir)
    expect(shipped.pemat.map((score) => score.sheet).sort()).toEqual([
      'home-care',
      'prevention',
      'stretches',
    ])
    for (const score of shipped.pemat) {
      expect(score.understandable).toBeGreaterThanOrEqual(90)
      expect(score.actionable).toBeGreaterThanOrEqual(90)
      expect(score.items).toHaveLength(24)
    }
    const report = formatMarkdownReport(shipped)
    expect(report).toMatch(
      /## PEMAT-P[\s\S]*### home-care[\s\S]*\| +8 \| understandable .*disagree/,
    )

    for (const locale of ['en', 'es']) {
      const file = join(dir, locale, 'sheets', 'home-care.yaml')
      const yaml = await readFile(file, 'utf8')
      // The plan block and its indented lines, up to the next block.
      await writeFile(file, yaml.replace(/ {2}- kind: plan\n( {4,}.*\n)*/, ''))
    }
    const result = await checkContent(dir)
    const homeCare = result.pemat.find((score) => score.sheet === 'home-care')!
    expect(homeCare.items.find((item) => item.number === 23)).toMatchObject({
      rating: 'disagree',
      reason: expect.stringContaining('No longer true'),
    })
    expect(result.failures).toContain(
      `sheet "home-care" is ${homeCare.actionable}% actionable on PEMAT-P, below 90%`,
    )
  })

  it('fails an English section that is too hard to read, naming it and its grade', async () => {
    await writeFile(join(dir, 'en', 'sections', 'what-is.yaml'), hardSection)
    const result = await checkContent(dir)

    const figures = result.locales[0]?.documents.find((doc) => doc.id === 'what-is')
    expect(figures?.passes).toBe(false)
    expect(figures?.fkGrade).toBeGreaterThan(6)
    expect(result.failures).toContain(
      `content/en/sections/what-is.yaml: section "what-is" is at Flesch-Kincaid grade ${figures?.fkGrade?.toFixed(1)}, above the limit of 6`,
    )
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
