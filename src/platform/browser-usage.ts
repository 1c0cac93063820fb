import { localeSchema, type Locale } from '@shared/content-schema'
import { usageEventSchema, type Problem } from '@shared/contract'
import type { UsageDay } from '@shared/usage-csv'
import { readStored, writeStored } from './browser-storage'
import {
  addDays,
  dateKeyOf,
  daysBetween,
  emptyDay,
  usageFileSchema,
  usageIdSchema,
} from '@shared/usage-days'

export const usageStorageKey = 'kiosk.usage'
export const retentionDays = 400

const usageId = usageIdSchema

/**
 * Anonymous daily usage counts, as the Electron usage store keeps them: only dates, counts
 * and ids, nothing that could single out a visitor. Counts live in memory once read and are
 * written on every event, since localStorage writes are synchronous and a reload must not
 * lose them.
 */
export function createBrowserUsage(storage: Storage, options: { now: () => number }) {
  let days: Map<string, UsageDay> | undefined
  let problems: Problem[] = []

  function load(): Map<string, UsageDay> {
    if (days) return days
    days = new Map()
    const read = readStored(storage, usageStorageKey, usageFileSchema)
    if (read.ok) {
      for (const [date, stored] of Object.entries(read.value.days))
        days.set(date, { date, ...stored })
    } else if (read.reason === 'invalid') {
      problems = read.problems.map((p) => ({
        file: usageStorageKey,
        field: p.field,
        message: `${p.message} (the saved counts were ignored; counting started again from zero)`,
      }))
    }
    return days
  }

  function today(): string {
    return dateKeyOf(new Date(options.now()))
  }

  function save(all: Map<string, UsageDay>): void {
    const todayKey = today()
    for (const date of all.keys()) {
      if (daysBetween(date, todayKey) >= retentionDays) all.delete(date)
    }
    const stored = Object.fromEntries(
      [...all.values()].map(({ date, ...counts }) => [date, counts] as const),
    )
    if (writeStored(storage, usageStorageKey, { version: 1, days: stored })) {
      problems = problems.filter((p) => p.field !== '(saving)')
    } else {
      problems = [
        ...problems.filter((p) => p.field !== '(saving)'),
        {
          file: usageStorageKey,
          field: '(saving)',
          message:
            'could not be saved: the browser storage may be full (counts are kept until the page reloads)',
        },
      ]
    }
  }

  function record(update: (day: UsageDay) => void): void {
    const all = load()
    const key = today()
    let day = all.get(key)
    if (!day) {
      day = emptyDay(key)
      all.set(key, day)
    }
    update(day)
    save(all)
  }

  return {
    /** A visitor event from the page. Anything malformed is ignored: counting never breaks a visit. */
    record(event: unknown): boolean {
      const parsed = usageEventSchema.safeParse(event)
      if (!parsed.success) return false
      const e = parsed.data
      if (e.type === 'section-view' && !usageId.safeParse(e.sectionId).success) return false
      record((day) => {
        if (e.type === 'visit') day.visits++
        else if (e.type === 'idle-reset') day.idleResets++
        else if (e.type === 'language') day.languages[e.locale]++
        else {
          const entry = (day.sections[e.sectionId] ??= { views: 0, seconds: 0 })
          entry.views++
          entry.seconds += Math.round(e.seconds)
        }
      })
      return true
    },
    sheetPrinted(sheetId: string, locale: Locale): boolean {
      if (!usageId.safeParse(sheetId).success || !localeSchema.safeParse(locale).success)
        return false
      const key = `${sheetId}/${locale}`
      record((day) => {
        day.prints[key] = (day.prints[key] ?? 0) + 1
      })
      return true
    },
    printFailed(sheetId: string): boolean {
      if (!usageId.safeParse(sheetId).success) return false
      record((day) => {
        day.printFailures[sheetId] = (day.printFailures[sheetId] ?? 0) + 1
      })
      return true
    },
    /** The last `n` days, oldest first, today last; days without data are all zeros. */
    lastDays(n: number): UsageDay[] {
      const all = load()
      const todayKey = today()
      const wanted = Number.isInteger(n) ? Math.min(Math.max(n, 0), retentionDays) : 0
      const result: UsageDay[] = []
      for (let back = wanted - 1; back >= 0; back--) {
        const date = addDays(todayKey, -back)
        result.push(structuredClone(all.get(date) ?? emptyDay(date)))
      }
      return result
    },
    problems: () => problems,
  }
}
export type BrowserUsage = ReturnType<typeof createBrowserUsage>
