import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ContentUnavailableError, createContentStore } from '../electron/services/content-store'
import { locales, type ContentDocument, type Locale } from '../electron/shared/content-schema'
import { problemSummary, type Problem } from '../electron/shared/problem'
import { SMOG_MIN_SENTENCES, analyseText, documentBodyText } from '../electron/shared/readability'

/** The reading-level limits from the content brief (shared/content-brief.md). */
export const readabilityLimits = {
  /** English sections and sheets: Flesch-Kincaid grade at most this. */
  maxFkGrade: 7,
  /** Spanish sections and sheets: Fernández-Huerta reading ease at least this. */
  minFernandezHuerta: 70,
} as const

export type DocumentKind = 'section' | 'about' | 'sheet'

/** One document's figures, rounded to one decimal so the printed figure and the verdict agree. */
export interface DocumentFigures {
  kind: DocumentKind
  id: string
  file: string
  words: number
  sentences: number
  fkGrade: number | null
  smog: number | null
  fernandezHuerta: number | null
  longestSentenceWords: number
  /** Whether the document meets its limit; null where no limit applies (about, or no text). */
  passes: boolean | null
}

export interface LocaleCheck {
  locale: Locale
  /** False when the folder is missing or the app could not assemble usable content from it. */
  loaded: boolean
  problems: Problem[]
  documents: DocumentFigures[]
}

export interface ContentCheckResult {
  locales: LocaleCheck[]
  /** Section or sheet ids present in one locale and not the other. */
  idDifferences: string[]
  /** Every reason the check fails, one plain sentence each; empty when it passes. */
  failures: string[]
}

const localeNames: Record<Locale, string> = { en: 'English', es: 'Spanish' }

const round1 = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10) / 10

function measure(locale: Locale, kind: DocumentKind, doc: ContentDocument): DocumentFigures {
  const figures = analyseText(documentBodyText(doc), locale)
  const fkGrade = round1(figures.fkGrade)
  const fernandezHuerta = round1(figures.fernandezHuerta)
  const score = locale === 'en' ? fkGrade : fernandezHuerta
  // The brief sets limits for what patients read in the kiosk and take home, not the about page.
  const passes =
    kind === 'about' || score === null
      ? null
      : locale === 'en'
        ? score <= readabilityLimits.maxFkGrade
        : score >= readabilityLimits.minFernandezHuerta
  return {
    kind,
    id: doc.id,
    file:
      kind === 'about'
        ? `content/${locale}/about.yaml`
        : `content/${locale}/${kind}s/${doc.id}.yaml`,
    words: figures.words,
    sentences: figures.sentences,
    fkGrade,
    smog: round1(figures.smog),
    fernandezHuerta,
    longestSentenceWords: figures.longestSentence?.words ?? 0,
    passes,
  }
}

function readabilityFailure(locale: Locale, doc: DocumentFigures): string {
  return locale === 'en'
    ? `${doc.file}: ${doc.kind} "${doc.id}" is at Flesch-Kincaid grade ${doc.fkGrade?.toFixed(1)}, above the limit of ${readabilityLimits.maxFkGrade}`
    : `${doc.file}: ${doc.kind} "${doc.id}" has a Fernández-Huerta score of ${doc.fernandezHuerta?.toFixed(1)}, below the limit of ${readabilityLimits.minFernandezHuerta}`
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/** Loads one locale exactly as the app does, so the check can never disagree with the kiosk. */
async function checkLocale(contentDir: string, locale: Locale): Promise<LocaleCheck> {
  try {
    const { content, problems } = await createContentStore({ contentDir }).load(locale)
    const documents = [
      ...content.sections.map((doc) => measure(locale, 'section', doc)),
      measure(locale, 'about', content.about),
      ...content.sheets.map((doc) => measure(locale, 'sheet', doc)),
    ]
    return { locale, loaded: true, problems, documents }
  } catch (error) {
    if (error instanceof ContentUnavailableError)
      return { locale, loaded: false, problems: error.problems, documents: [] }
    throw error
  }
}

function idDifferencesBetween(reference: LocaleCheck, other: LocaleCheck): string[] {
  const failures: string[] = []
  for (const kind of ['section', 'sheet'] as const) {
    const ids = (check: LocaleCheck) =>
      new Set(check.documents.filter((doc) => doc.kind === kind).map((doc) => doc.id))
    const [left, right] = [ids(reference), ids(other)]
    for (const id of left)
      if (!right.has(id))
        failures.push(
          `${kind} "${id}" is in content/${reference.locale} but missing from content/${other.locale}`,
        )
    for (const id of right)
      if (!left.has(id))
        failures.push(
          `${kind} "${id}" is in content/${other.locale} but missing from content/${reference.locale}`,
        )
  }
  return failures
}

/** Runs every check on a content folder and collects all failures rather than stopping early. */
export async function checkContent(contentDir: string): Promise<ContentCheckResult> {
  const failures: string[] = []
  const checks: LocaleCheck[] = []

  for (const locale of locales) {
    if (!(await isDirectory(join(contentDir, locale)))) {
      failures.push(`content/${locale} is missing: every locale needs its own content folder`)
      checks.push({ locale, loaded: false, problems: [], documents: [] })
      continue
    }
    const check = await checkLocale(contentDir, locale)
    checks.push(check)
    if (!check.loaded) failures.push(`content/${locale} has no usable content (problems listed)`)
    else if (check.problems.length > 0)
      failures.push(
        `content/${locale} has ${check.problems.length} content problem${check.problems.length === 1 ? '' : 's'} (listed)`,
      )
    for (const doc of check.documents)
      if (doc.passes === false) failures.push(readabilityFailure(locale, doc))
  }

  const [reference, ...others] = checks.filter((check) => check.loaded)
  const idDifferences = reference
    ? others.flatMap((other) => idDifferencesBetween(reference, other))
    : []
  failures.push(...idDifferences)

  return { locales: checks, idDifferences, failures }
}

// ---- Reports ----

type Align = 'left' | 'right'
interface Column<Row> {
  heading: string
  align: Align
  value: (row: Row) => string
}

const figure = (value: number | null): string => (value === null ? '–' : value.toFixed(1))
const verdict = (passes: boolean | null): string =>
  passes === null ? 'not gated' : passes ? 'pass' : 'FAIL'

function columnsFor(locale: Locale): Column<DocumentFigures>[] {
  const score: Column<DocumentFigures>[] =
    locale === 'en'
      ? [
          { heading: 'FK grade', align: 'right', value: (doc) => figure(doc.fkGrade) },
          { heading: 'SMOG', align: 'right', value: (doc) => figure(doc.smog) },
        ]
      : [
          {
            heading: 'Fernández-Huerta',
            align: 'right',
            value: (doc) => figure(doc.fernandezHuerta),
          },
        ]
  return [
    { heading: 'Kind', align: 'left', value: (doc) => doc.kind },
    { heading: 'Id', align: 'left', value: (doc) => doc.id },
    { heading: 'Words', align: 'right', value: (doc) => String(doc.words) },
    { heading: 'Sentences', align: 'right', value: (doc) => String(doc.sentences) },
    ...score,
    { heading: 'Longest', align: 'right', value: (doc) => String(doc.longestSentenceWords) },
    { heading: 'Result', align: 'left', value: (doc) => verdict(doc.passes) },
  ]
}

function pad(text: string, width: number, align: Align): string {
  return align === 'right' ? text.padStart(width) : text.padEnd(width)
}

/** Renders rows as aligned cells; Markdown mode emits the layout Prettier would produce. */
function renderTable<Row>(columns: Column<Row>[], rows: Row[], markdown: boolean): string[] {
  const cells = rows.map((row) => columns.map((column) => column.value(row)))
  const widths = columns.map((column, index) =>
    Math.max(markdown ? 3 : 0, column.heading.length, ...cells.map((line) => line[index]!.length)),
  )
  const line = (values: string[]) => {
    const padded = values.map((value, index) => pad(value, widths[index]!, columns[index]!.align))
    return markdown ? `| ${padded.join(' | ')} |` : `  ${padded.join('  ')}`.trimEnd()
  }
  const header = line(columns.map((column) => column.heading))
  const rule = markdown
    ? `| ${columns
        .map((column, index) =>
          column.align === 'right'
            ? `${'-'.repeat(widths[index]! - 1)}:`
            : '-'.repeat(widths[index]!),
        )
        .join(' | ')} |`
    : `  ${widths.map((width) => '-'.repeat(width)).join('  ')}`
  return [header, rule, ...cells.map(line)]
}

const problemColumns: Column<Problem>[] = [
  { heading: 'File', align: 'left', value: (problem) => problem.file },
  { heading: 'Field', align: 'left', value: (problem) => problem.field },
  { heading: 'Problem', align: 'left', value: (problem) => problemSummary(problem) },
]

function limitFor(locale: Locale): string {
  return locale === 'en'
    ? `Flesch-Kincaid grade ${readabilityLimits.maxFkGrade} or lower`
    : `Fernández-Huerta ${readabilityLimits.minFernandezHuerta} or higher`
}

function idSummary(result: ContentCheckResult): string {
  const loaded = result.locales.filter((check) => check.loaded).map((check) => check.locale)
  if (loaded.length < 2) return 'Not compared: fewer than two locales loaded.'
  return result.idDifferences.length > 0
    ? `${loaded.join(' and ')} do not have the same section and sheet ids (see the failures).`
    : `${loaded.join(' and ')} have the same section ids and sheet ids.`
}

/** The report printed on the terminal. */
export function formatConsoleReport(result: ContentCheckResult): string {
  const out: string[] = ['Content check', '']
  const problems = result.locales.flatMap((check) => check.problems)
  out.push('Problems')
  out.push(...(problems.length ? renderTable(problemColumns, problems, false) : ['  none']), '')
  for (const check of result.locales) {
    out.push(`${localeNames[check.locale]} (${check.locale}): ${limitFor(check.locale)}`)
    out.push(
      ...(check.documents.length
        ? renderTable(columnsFor(check.locale), check.documents, false)
        : ['  not loaded']),
      '',
    )
  }
  out.push('Section and sheet ids', `  ${idSummary(result)}`, '')
  if (result.failures.length === 0) out.push('PASSED')
  else out.push('FAILED', ...result.failures.map((failure) => `  - ${failure}`))
  return `${out.join('\n')}\n`
}

/** The Markdown report: no date or path in it, so it only changes when the content does. */
export function formatMarkdownReport(result: ContentCheckResult): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|')
  const out: string[] = [
    '# Content readability report',
    '',
    'Generated from `content/` by `npm run content:check -- --markdown docs/content-report.md`.',
    'Do not edit by hand: run the command again after changing the content.',
    '',
    '## Limits',
    '',
    `- English sections and sheets: ${limitFor('en')} (the brief aims for 6).`,
    `- Spanish sections and sheets: ${limitFor('es')}.`,
    `- SMOG is shown for English documents with ${SMOG_MIN_SENTENCES} or more sentences.`,
    '- The about page is measured but not held to a limit.',
    '- Only body text is measured: paragraphs, list and step items, callouts, questions and answers, captions and stretch steps. Titles, alt text and sources are not.',
    '- Figures are rounded to one decimal; the limits apply to the rounded figure.',
    '- "Longest" is the word count of the longest sentence.',
    '',
    '## Result',
    '',
    ...(result.failures.length === 0
      ? ['Passed.']
      : ['Failed:', '', ...result.failures.map((failure) => `- ${escape(failure)}`)]),
    '',
    '## Problems',
    '',
  ]
  const problems = result.locales.flatMap((check) => check.problems)
  if (problems.length === 0) out.push('None.')
  else {
    const escaped = problems.map((problem) => ({
      ...problem,
      file: escape(problem.file),
      field: escape(problem.field),
    }))
    out.push(...renderTable(problemColumns, escaped, true))
  }
  out.push('')
  for (const check of result.locales) {
    out.push(`## ${localeNames[check.locale]} (${check.locale})`, '')
    out.push(`Limit: ${limitFor(check.locale)}.`, '')
    if (check.documents.length === 0) out.push('Not loaded.')
    else out.push(...renderTable(columnsFor(check.locale), check.documents, true))
    out.push('')
  }
  out.push('## Section and sheet ids', '', idSummary(result))
  return `${out.join('\n')}\n`
}
