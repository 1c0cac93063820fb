import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ContentUnavailableError, createContentStore } from '../electron/services/content-store'
import { localeParity, type ParityIssue } from '../electron/shared/content-parity'
import {
  locales,
  type ContentDocument,
  type HelpCheck,
  type Locale,
  type LocaleContent,
} from '../electron/shared/content-schema'
import { problemSummary, type Problem } from '../electron/shared/problem'
import {
  SMOG_MIN_SENTENCES,
  analyseText,
  documentBodyText,
  readabilityLimits,
} from '../electron/shared/readability'
import { scorePemat, type PematScore } from './content-check-pemat'

export type DocumentKind = 'section' | 'about' | 'sheet' | 'help-check'

/** PEMAT-P percentages every take-home sheet must reach, understandable and actionable alike. */
export const minPematScore = 90

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
  /** Whether the document meets its limit; null when it has no text to measure. */
  passes: boolean | null
  /** Differences from the same file in the other language; null when there is none to compare. */
  parityDifferences: number | null
}

export interface LocaleCheck {
  locale: Locale
  /** False when the folder is missing or the app could not assemble usable content from it. */
  loaded: boolean
  problems: Problem[]
  documents: DocumentFigures[]
  content: LocaleContent | null
}

/** A difference between a file in English and the same file in another language. */
export interface ParityDifference {
  locale: Locale
  file: string
  issue: ParityIssue
}

export interface ContentCheckResult {
  locales: LocaleCheck[]
  /** Section or sheet ids present in one locale and not the other. */
  idDifferences: string[]
  /** Every way another language says something different from English; empty when they agree. */
  parity: ParityDifference[]
  /** PEMAT-P scores of each take-home sheet, over all its languages. */
  pemat: PematScore[]
  /** Every reason the check fails, one plain sentence each; empty when it passes. */
  failures: string[]
}

const localeNames: Record<Locale, string> = { en: 'English', es: 'Spanish' }

const round1 = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10) / 10

const fileOf = (locale: Locale, kind: DocumentKind, id: string): string =>
  kind === 'about' || kind === 'help-check'
    ? `content/${locale}/${kind}.yaml`
    : `content/${locale}/${kind}s/${id}.yaml`

function measure(
  locale: Locale,
  kind: DocumentKind,
  id: string,
  units: readonly string[],
): DocumentFigures {
  const figures = analyseText(units, locale)
  const fkGrade = round1(figures.fkGrade)
  const fernandezHuerta = round1(figures.fernandezHuerta)
  const score = locale === 'en' ? fkGrade : fernandezHuerta
  // Every document is for visitors, the about page and the help check too.
  const passes =
    score === null
      ? null
      : locale === 'en'
        ? score <= readabilityLimits.maxFkGrade
        : score >= readabilityLimits.minFernandezHuerta
  return {
    kind,
    id,
    file: fileOf(locale, kind, id),
    words: figures.words,
    sentences: figures.sentences,
    fkGrade,
    smog: round1(figures.smog),
    fernandezHuerta,
    longestSentenceWords: figures.longestSentence?.words ?? 0,
    passes,
    parityDifferences: null,
  }
}

const measureDocument = (locale: Locale, kind: DocumentKind, doc: ContentDocument) =>
  measure(locale, kind, doc.id, documentBodyText(doc))

/** What a visitor reads in the help check: its introduction, every question and every result. */
function helpCheckText(check: HelpCheck): string[] {
  return [
    check.intro,
    check.disclaimer,
    ...check.questions.map((question) => question.text),
    ...Object.values(check.outcomes).flatMap((outcome) => [
      outcome.title,
      outcome.action,
      ...outcome.items,
    ]),
  ]
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
      ...content.sections.map((doc) => measureDocument(locale, 'section', doc)),
      measureDocument(locale, 'about', content.about),
      ...content.sheets.map((doc) => measureDocument(locale, 'sheet', doc)),
      measure(locale, 'help-check', 'help-check', helpCheckText(content.helpCheck)),
    ]
    return { locale, loaded: true, problems, documents, content }
  } catch (error) {
    if (error instanceof ContentUnavailableError)
      return { locale, loaded: false, problems: error.problems, documents: [], content: null }
    throw error
  }
}

/** Compares every other language with English, file by file, and counts on each document. */
function checkParity(reference: LocaleCheck, others: LocaleCheck[]): ParityDifference[] {
  const differences: ParityDifference[] = []
  for (const other of others) {
    if (!reference.content || !other.content) continue
    for (const { file, issues } of localeParity(reference.content, other.content)) {
      differences.push(...issues.map((issue) => ({ locale: other.locale, file, issue })))
      for (const check of [reference, other]) {
        const doc = check.documents.find((figures) =>
          figures.file.endsWith(`/${check.locale}/${file}`),
        )
        if (doc) doc.parityDifferences = (doc.parityDifferences ?? 0) + issues.length
      }
    }
  }
  return differences
}

const field = (issue: ParityIssue): string =>
  `${issue.block === null ? '' : `block ${issue.block + 1}, `}${issue.field}`

/** One parity difference as a sentence, naming the file and where in it. */
export function describeParity({ locale, file, issue }: ParityDifference): string {
  const where = `content/${locale}/${file} (${field(issue)})`
  const other = localeNames[locale]
  switch (issue.kind) {
    case 'count':
      return `${where}: ${issue.other} in ${other}, ${issue.reference} in English`
    case 'value':
      return `${where}: "${issue.other}" in ${other}, "${issue.reference}" in English`
    case 'presence':
      return issue.reference
        ? `${where}: missing in ${other}, present in English`
        : `${where}: present in ${other}, missing in English`
    case 'numbers':
    case 'placeholders':
      return `${where}: the ${issue.kind} differ, ${issue.other.join(', ') || 'none'} in ${other} and ${issue.reference.join(', ') || 'none'} in English`
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
      checks.push({ locale, loaded: false, problems: [], documents: [], content: null })
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
  const parity = reference ? checkParity(reference, others) : []
  failures.push(...parity.map(describeParity))

  const loaded = checks.filter((check) => check.content)
  const pemat = (reference?.content?.sheets ?? []).map((sheet) =>
    scorePemat(
      sheet.id,
      loaded.flatMap((check) => {
        const version = check.content?.sheets.find((candidate) => candidate.id === sheet.id)
        return version ? [{ locale: check.locale, sheet: version }] : []
      }),
    ),
  )
  for (const score of pemat)
    for (const scale of ['understandable', 'actionable'] as const)
      if (score[scale] < minPematScore)
        failures.push(
          `sheet "${score.sheet}" is ${score[scale]}% ${scale} on PEMAT-P, below ${minPematScore}%`,
        )

  return { locales: checks, idDifferences, parity, pemat, failures }
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
  passes === null ? 'no text' : passes ? 'pass' : 'FAIL'
const parityVerdict = (differences: number | null): string =>
  differences === null ? '–' : differences === 0 ? 'same' : `${differences} differ`

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
    { heading: 'Parity', align: 'left', value: (doc) => parityVerdict(doc.parityDifferences) },
  ]
}

const pematColumns: Column<PematScore>[] = [
  { heading: 'Sheet', align: 'left', value: (score) => score.sheet },
  { heading: 'Understandable', align: 'right', value: (score) => `${score.understandable}%` },
  { heading: 'Actionable', align: 'right', value: (score) => `${score.actionable}%` },
  {
    heading: 'Result',
    align: 'left',
    value: (score) =>
      score.understandable >= minPematScore && score.actionable >= minPematScore ? 'pass' : 'FAIL',
  },
]

const pematItemColumns: Column<PematScore['items'][number]>[] = [
  { heading: 'Item', align: 'right', value: (item) => String(item.number) },
  { heading: 'Scale', align: 'left', value: (item) => item.scale },
  { heading: 'What it asks', align: 'left', value: (item) => item.name },
  { heading: 'Rating', align: 'left', value: (item) => item.rating },
  { heading: 'Why', align: 'left', value: (item) => item.reason },
]

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

function paritySummary(result: ContentCheckResult): string {
  const loaded = result.locales.filter((check) => check.loaded)
  if (loaded.length < 2) return 'Not compared: fewer than two locales loaded.'
  return result.parity.length === 0
    ? 'Every file says the same thing in each language: the same blocks in the same order, the same list lengths, the same stretch times and counts, and the same numbers and placeholders in each piece of text.'
    : `${result.parity.length} difference${result.parity.length === 1 ? '' : 's'} from English (listed).`
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
  out.push('Parity with English', `  ${paritySummary(result)}`)
  out.push(...result.parity.map((difference) => `  - ${describeParity(difference)}`), '')
  out.push(`PEMAT-P (at least ${minPematScore}% each)`)
  out.push(...renderTable(pematColumns, result.pemat, false), '')
  if (result.failures.length === 0) out.push('PASSED')
  else out.push('FAILED', ...result.failures.map((failure) => `  - ${failure}`))
  return `${out.join('\n')}\n`
}

const escape = (text: string) => text.replace(/\|/g, '\\|')

/** The Markdown report: no date or path in it, so it only changes when the content does. */
export function formatMarkdownReport(result: ContentCheckResult): string {
  const sheets = result.pemat
    .map((score) => `${score.sheet} ${score.understandable}% / ${score.actionable}%`)
    .join(', ')
  const out: string[] = [
    '# Content report',
    '',
    'Generated from `content/` by `npm run content:check -- --markdown docs/content-report.md`.',
    'Do not edit by hand: run the command again after changing the content, or after changing',
    'a PEMAT-P judgement in `scripts/content-check-pemat.ts`.',
    '',
    '## Summary',
    '',
    result.failures.length === 0 ? '- Result: passed.' : '- Result: FAILED (see below).',
    `- Reading level: every English document at Flesch-Kincaid grade ${readabilityLimits.maxFkGrade} or lower, every Spanish one at Fernández-Huerta ${readabilityLimits.minFernandezHuerta} or higher.`,
    `- Parity: ${paritySummary(result)}`,
    `- PEMAT-P, understandable / actionable: ${sheets || 'no sheets'} (at least ${minPematScore}% each).`,
    '',
    '## Result',
    '',
    ...(result.failures.length === 0
      ? ['Passed.']
      : ['Failed:', '', ...result.failures.map((failure) => `- ${escape(failure)}`)]),
    '',
    '## Limits',
    '',
    `- English: ${limitFor('en')}, for every document (sections, sheets, about, help check).`,
    `- Spanish: ${limitFor('es')}, for every document. The formula is 206.84 − 0.60 × (syllables per 100 words) − 1.02 × (words per sentence).`,
    `- SMOG is shown for English documents with ${SMOG_MIN_SENTENCES} or more sentences.`,
    '- Only body text is measured: paragraphs, list and step items, callouts, questions and answers, captions, stretch steps, the help check questions and results. Titles, alt text and sources are not.',
    '- Figures are rounded to one decimal; the limits apply to the rounded figure.',
    '- "Longest" is the word count of the longest sentence.',
    '- "Parity" is the number of differences between the document and the same document in the other language.',
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
  out.push('## Parity between the languages', '', paritySummary(result))
  if (result.parity.length > 0)
    out.push('', ...result.parity.map((difference) => `- ${escape(describeParity(difference))}`))
  out.push('', '## PEMAT-P', '')
  out.push(
    'Each take-home sheet scored against the Patient Education Materials Assessment Tool for printable materials (AHRQ), item by item. Items 13 and 14 apply to audio and video only. The score is the share of "agree" among the items that apply.',
    '',
  )
  out.push(...renderTable(pematColumns, result.pemat, true))
  for (const score of result.pemat) {
    out.push('', `### ${score.sheet}`, '')
    out.push(
      ...renderTable(
        pematItemColumns,
        score.items.map((item) => ({ ...item, reason: escape(item.reason) })),
        true,
      ),
    )
  }
  out.push('', '## Section and sheet ids', '', idSummary(result))
  return `${out.join('\n')}\n`
}
