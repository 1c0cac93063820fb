import { locales, type Locale } from './content-schema'

/**
 * One day of anonymous usage counts, as the usage store keeps them and the staff charts and
 * the CSV export read them. Deliberately coarse: a local calendar date, counts and total
 * seconds, and only section ids, sheet ids and locales as keys, so nothing in it can single
 * out a visitor.
 */
export interface UsageDay {
  /** Local calendar date, YYYY-MM-DD. */
  date: string
  /** Touches on the start screen. */
  visits: number
  /** Times the kiosk went back to the start screen because nobody touched it. */
  idleResets: number
  /** Per section id: how often it was opened and the total seconds it stayed open. */
  sections: Record<string, { views: number; seconds: number }>
  /** Per "<sheetId>/<locale>": sheets printed. */
  prints: Record<string, number>
  /** Per sheet id: print attempts that failed. */
  printFailures: Record<string, number>
  /** Per locale: times a visitor chose that language. */
  languages: Record<Locale, number>
}

/**
 * The CSV a clinic downloads from staff mode: one row per day, one column per count, in a
 * form spreadsheets open without questions (RFC 4180: comma separated, CRLF line ends,
 * quotes only where needed).
 */
export function usageToCsv(days: readonly UsageDay[]): string {
  const sectionIds = sortedKeys(days, (day) => day.sections)
  const printKeys = sortedKeys(days, (day) => day.prints)
  const failureIds = sortedKeys(days, (day) => day.printFailures)

  const header = [
    'date',
    'visits',
    'idle_resets',
    ...locales.map((locale) => `language_${locale}`),
    ...sectionIds.flatMap((id) => [`section_${id}_views`, `section_${id}_seconds`]),
    ...printKeys.map((key) => `prints_${key.replace('/', '_')}`),
    ...failureIds.map((id) => `print_failures_${id}`),
  ]
  const rows = days.map((day) => [
    day.date,
    day.visits,
    day.idleResets,
    ...locales.map((locale) => day.languages[locale] ?? 0),
    ...sectionIds.flatMap((id) => [day.sections[id]?.views ?? 0, day.sections[id]?.seconds ?? 0]),
    ...printKeys.map((key) => day.prints[key] ?? 0),
    ...failureIds.map((id) => day.printFailures[id] ?? 0),
  ])
  return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('')
}

function sortedKeys(
  days: readonly UsageDay[],
  pick: (day: UsageDay) => Record<string, unknown>,
): string[] {
  return [...new Set(days.flatMap((day) => Object.keys(pick(day))))].sort()
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip first) as a formula. Ids are slugs today, but the export must stay safe if that
 * ever loosens, so such cells get a leading apostrophe and are shown as text.
 */
const formulaStart = /^[=+\-@\t\r]/

export function csvCell(value: string | number): string {
  let text = String(value)
  if (formulaStart.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
