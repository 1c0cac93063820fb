import { z } from 'zod'
import { idSchema, locales, type Locale } from './content-schema'
import type { UsageDay } from './usage-csv'

/**
 * Calendar-day helpers shared by the Electron usage store and the browser one, so both count
 * the same days the same way.
 */

export function emptyDay(date: string): UsageDay {
  return {
    date,
    visits: 0,
    idleResets: 0,
    sections: {},
    prints: {},
    printFailures: {},
    languages: Object.fromEntries(locales.map((locale) => [locale, 0])) as Record<Locale, number>,
  }
}

/** The local calendar date: staff think in clinic days, not UTC days. */
export function dateKeyOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

// Date keys are calendar dates, so they are compared as UTC midnights: no DST hour can shift them.
function utcMidnight(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / 86_400_000)
}

export function addDays(key: string, n: number): string {
  return new Date(utcMidnight(key) + n * 86_400_000).toISOString().slice(0, 10)
}

function isCalendarDate(key: string): boolean {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** Ids end up as keys staff export, so they are capped as well as slug-shaped. */
const maxUsageIdLength = 64
export const usageIdSchema = idSchema.max(maxUsageIdLength)

const count = z.number().int().nonnegative()
const printKey = z
  .string()
  .regex(new RegExp(`^[a-z0-9]+(?:-[a-z0-9]+)*/(?:${locales.join('|')})$`), 'sheet-usage-key')
  .max(maxUsageIdLength + 3)
const dateKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date-format')
  .refine(isCalendarDate, 'date-format')

const storedDaySchema = z.strictObject({
  visits: count.default(0),
  idleResets: count.default(0),
  sections: z.record(usageIdSchema, z.strictObject({ views: count, seconds: count })).default({}),
  prints: z.record(printKey, count).default({}),
  printFailures: z.record(usageIdSchema, count).default({}),
  languages: z
    .strictObject({ en: count.default(0), es: count.default(0) })
    .default({ en: 0, es: 0 }),
}) satisfies z.ZodType<Omit<UsageDay, 'date'>>

/**
 * The stored counts, the same shape in usage.json and in the browser's storage: the days,
 * keyed by local date. Nothing finer than a day is ever stored.
 */
export const usageFileSchema = z.strictObject({
  version: z.literal(1),
  days: z.record(dateKey, storedDaySchema),
})
export type UsageFile = z.infer<typeof usageFileSchema>
