import { join } from 'node:path'
import { locales, localeSchema } from '../shared/content-schema'
import type { Problem } from '../shared/problem'
import type { UsageDay } from '../shared/usage-csv'
import {
  addDays,
  dateKeyOf,
  daysBetween,
  emptyDay,
  usageFileSchema,
  usageIdSchema,
  type UsageFile,
} from '../shared/usage-days'
import { createJsonFile } from './json-file'

const usageFileName = 'usage.json'

/**
 * A section open for longer than an hour is a stuck page or a clock jump, not reading (the
 * idle reset is at most 15 minutes), and would skew the averages staff look at.
 */
const maxViewSeconds = 60 * 60

const usageId = usageIdSchema

export { usageFileSchema, type UsageFile }

export interface UsageStoreOptions {
  /** The folder usage.json lives in: the app's user-data folder. */
  dir: string
  now?: () => Date
  /** Days kept, today included; older days are dropped. */
  retentionDays?: number
  /** The longest time counts wait in memory before they are written. */
  flushIntervalMs?: number
}

/**
 * Anonymous daily usage counts for the staff insights page. Events are counted in memory and
 * written at most once per flush interval (a busy kiosk must not write on every tap), so a
 * crash loses at most that window. A corrupt usage.json is moved aside and counting starts
 * again from zero, with the reason kept as a problem to show in staff mode.
 */
export function createUsageStore(options: UsageStoreOptions) {
  const now = options.now ?? (() => new Date())
  const file = createJsonFile(join(options.dir, usageFileName), usageFileSchema, {
    name: usageFileName,
    now,
  })
  const retentionDays = options.retentionDays ?? 400
  const flushIntervalMs = options.flushIntervalMs ?? 5_000

  const days = new Map<string, UsageDay>()
  let problems: Problem[] = []
  let loading: Promise<void> | undefined
  /** Set when usage.json exists but could not be read: never overwrite what we could not see. */
  let readFailed = false
  let dirty = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let writing: Promise<void> = Promise.resolve()
  let prunedFor = ''

  function ensureLoaded(): Promise<void> {
    // Counting must go on whatever happens to the file, so a failed load (say, a corrupt file
    // that cannot be moved aside) becomes a problem for staff, never a rejected promise.
    loading ??= load().catch((error: unknown) => {
      readFailed = true
      problems = [
        {
          file: usageFileName,
          field: '(whole file)',
          code: 'unreadable',
          params: { error: (error as NodeJS.ErrnoException).code ?? 'error' },
          fallback: 'counts-in-memory',
        },
      ]
    })
    return loading
  }

  async function load(): Promise<void> {
    const result = await file.read()
    if (!result.ok) {
      if (result.reason !== 'missing') {
        problems = result.problems.map((p) => ({ ...p, fallback: 'counting-restarted' }))
      }
      return
    }
    // Events may have been counted while the file was being read: add the stored counts to them.
    for (const [date, stored] of Object.entries(result.value.days)) {
      addInto(dayFor(date), { date, ...stored })
    }
    prune(todayKey())
  }

  function todayKey(): string {
    return dateKeyOf(now())
  }

  function dayFor(date: string): UsageDay {
    let day = days.get(date)
    if (!day) {
      day = emptyDay(date)
      days.set(date, day)
    }
    return day
  }

  function prune(today: string): void {
    prunedFor = today
    for (const date of days.keys()) {
      if (daysBetween(date, today) >= retentionDays) {
        days.delete(date)
        dirty = true
      }
    }
  }

  /** The day an event counts towards; the first event of a new day also drops expired days. */
  function today(): UsageDay {
    const key = todayKey()
    if (key !== prunedFor) prune(key)
    return dayFor(key)
  }

  function changed(): void {
    dirty = true
    void ensureLoaded()
    if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined
        // A failed write is kept as a problem and retried; it must not crash the main process.
        flush().catch(() => undefined)
      }, flushIntervalMs)
      timer.unref?.()
    }
  }

  function record(update: (day: UsageDay) => void): boolean {
    update(today())
    changed()
    return true
  }

  async function write(snapshot: UsageFile): Promise<void> {
    try {
      await file.write(snapshot)
      problems = problems.filter((p) => p.code !== 'not-saved')
    } catch (error) {
      dirty = true
      problems = [
        ...problems.filter((p) => p.code !== 'not-saved'),
        {
          file: usageFileName,
          field: '(whole file)',
          code: 'not-saved',
          params: { error: (error as NodeJS.ErrnoException).code ?? 'error' },
          fallback: 'will-retry',
        },
      ]
      if (timer === undefined) changed()
      throw error
    }
  }

  /** Writes pending counts now (for example before the app quits). */
  async function flush(): Promise<void> {
    await ensureLoaded()
    if (timer !== undefined) {
      clearTimeout(timer)
      timer = undefined
    }
    if (dirty && !readFailed) {
      dirty = false
      const snapshot = serialize(days)
      // Writes run one after another so an older snapshot can never land after a newer one.
      writing = writing.catch(() => undefined).then(() => write(snapshot))
    }
    return writing
  }

  return {
    /** A visitor touched the start screen. */
    visit: () => record((day) => day.visits++),
    /** A visitor left a section after `seconds` on it. */
    sectionView(sectionId: unknown, seconds: unknown): boolean {
      if (!usageId.safeParse(sectionId).success) return false
      if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return false
      if (seconds < 0 || seconds > maxViewSeconds) return false
      return record((day) => {
        const entry = (day.sections[sectionId as string] ??= { views: 0, seconds: 0 })
        entry.views++
        entry.seconds += Math.round(seconds)
      })
    },
    sheetPrinted(sheetId: unknown, locale: unknown): boolean {
      if (!usageId.safeParse(sheetId).success) return false
      const parsedLocale = localeSchema.safeParse(locale)
      if (!parsedLocale.success) return false
      const key = `${sheetId as string}/${parsedLocale.data}`
      return record((day) => {
        day.prints[key] = (day.prints[key] ?? 0) + 1
      })
    },
    printFailed(sheetId: unknown): boolean {
      if (!usageId.safeParse(sheetId).success) return false
      const id = sheetId as string
      return record((day) => {
        day.printFailures[id] = (day.printFailures[id] ?? 0) + 1
      })
    },
    languageUsed(locale: unknown): boolean {
      const parsed = localeSchema.safeParse(locale)
      if (!parsed.success) return false
      return record((day) => day.languages[parsed.data]++)
    },
    /** The kiosk went back to the start screen because nobody touched it. */
    idleReset: () => record((day) => day.idleResets++),
    /** The last `n` days, oldest first, today last; days without data are all zeros. */
    async lastDays(n: number): Promise<UsageDay[]> {
      await ensureLoaded()
      const todayDate = todayKey()
      if (todayDate !== prunedFor) prune(todayDate)
      const wanted = Number.isInteger(n) ? Math.min(Math.max(n, 0), retentionDays) : 0
      const result: UsageDay[] = []
      for (let back = wanted - 1; back >= 0; back--) {
        const date = addDays(todayDate, -back)
        result.push(structuredClone(days.get(date) ?? emptyDay(date)))
      }
      return result
    },
    flush,
    problems: () => problems,
  }
}
export type UsageStore = ReturnType<typeof createUsageStore>

function addInto(target: UsageDay, source: UsageDay): void {
  target.visits += source.visits
  target.idleResets += source.idleResets
  for (const [id, entry] of Object.entries(source.sections)) {
    const into = (target.sections[id] ??= { views: 0, seconds: 0 })
    into.views += entry.views
    into.seconds += entry.seconds
  }
  for (const [key, n] of Object.entries(source.prints))
    target.prints[key] = (target.prints[key] ?? 0) + n
  for (const [id, n] of Object.entries(source.printFailures)) {
    target.printFailures[id] = (target.printFailures[id] ?? 0) + n
  }
  for (const locale of locales) target.languages[locale] += source.languages[locale]
}

function serialize(days: Map<string, UsageDay>): UsageFile {
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)))
  const file: UsageFile = {
    version: 1,
    days: Object.fromEntries(
      [...days.values()]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map(({ date, ...day }) => [
          date,
          {
            ...day,
            sections: sorted(day.sections),
            prints: sorted(day.prints),
            printFailures: sorted(day.printFailures),
          },
        ]),
    ),
  }
  return file
}
