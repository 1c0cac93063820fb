import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createUsageStore, usageFileSchema } from '../../../electron/services/usage-store'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-usage-'))
})
afterEach(async () => {
  vi.useRealTimers()
  await rm(dir, { recursive: true, force: true })
})

/** A clock the test moves by hand; months are 1-based here, local time as the kiosk sees it. */
function clock(year: number, month: number, day: number, hour = 12, minute = 0) {
  let current = new Date(year, month - 1, day, hour, minute)
  return {
    now: () => new Date(current),
    set(y: number, m: number, d: number, h = 12, min = 0) {
      current = new Date(y, m - 1, d, h, min)
    },
  }
}

async function readUsageFile() {
  return usageFileSchema.parse(JSON.parse(await readFile(join(dir, 'usage.json'), 'utf8')))
}

async function savedVisits(): Promise<number | undefined> {
  try {
    return (await readUsageFile()).days['2026-11-21']?.visits
  } catch {
    return undefined
  }
}

/**
 * Waits for the timer's write to land. setTimeout is faked in that test, so this polls on
 * file-system callbacks against the real clock, for at most five seconds.
 */
async function savedVisitsOnceWritten(expected: number): Promise<number | undefined> {
  const deadline = performance.now() + 5_000
  while ((await savedVisits()) !== expected && performance.now() < deadline) await settle()
  return savedVisits()
}

async function fileExists(name: string): Promise<boolean> {
  return (await readdir(dir)).includes(name)
}

/** Lets file-system callbacks run without moving the faked timers. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve))
}

/** Real time passing while setTimeout is faked: long enough for any stray write to land. */
async function realPause(ms = 300): Promise<void> {
  const end = performance.now() + ms
  while (performance.now() < end) await settle()
}

describe('usage store', () => {
  it('counts every kind of event into the day it happened', async () => {
    const time = clock(2026, 11, 21)
    const store = createUsageStore({ dir, now: time.now })
    store.visit()
    store.visit()
    store.sectionView('what-is', 42.4)
    store.sectionView('what-is', 10)
    store.sectionView('get-help', 5)
    store.sheetPrinted('home-care', 'en')
    store.sheetPrinted('home-care', 'es')
    store.sheetPrinted('home-care', 'es')
    store.printFailed('stretches')
    store.languageUsed('es')
    store.languageUsed('en')
    store.languageUsed('es')
    store.idleReset()

    expect(await store.lastDays(1)).toEqual([
      {
        date: '2026-11-21',
        visits: 2,
        idleResets: 1,
        sections: { 'what-is': { views: 2, seconds: 52 }, 'get-help': { views: 1, seconds: 5 } },
        prints: { 'home-care/en': 1, 'home-care/es': 2 },
        printFailures: { stretches: 1 },
        languages: { en: 1, es: 2 },
      },
    ])
  })

  it('starts a new day at local midnight', async () => {
    const time = clock(2026, 11, 21, 23, 59)
    const store = createUsageStore({ dir, now: time.now })
    store.visit()
    store.sectionView('causes', 30)
    time.set(2026, 11, 22, 0, 1)
    store.visit()
    store.visit()

    const [before, after] = await store.lastDays(2)
    expect(before).toMatchObject({
      date: '2026-11-21',
      visits: 1,
      sections: { causes: { views: 1 } },
    })
    expect(after).toMatchObject({ date: '2026-11-22', visits: 2, sections: {} })
  })

  it('fills days without data with zeros, oldest first, across month and year ends', async () => {
    const time = clock(2027, 1, 2)
    const store = createUsageStore({ dir, now: time.now })
    store.visit()
    const days = await store.lastDays(4)
    expect(days.map((day) => day.date)).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ])
    expect(days[0]).toEqual({
      date: '2026-12-30',
      visits: 0,
      idleResets: 0,
      sections: {},
      prints: {},
      printFailures: {},
      languages: { en: 0, es: 0 },
    })
    expect(days[3]?.visits).toBe(1)
    expect(await store.lastDays(0)).toEqual([])
    expect(await store.lastDays(Number.NaN)).toEqual([])
  })

  it('hands out copies, so a chart cannot change the counts', async () => {
    const store = createUsageStore({ dir, now: clock(2026, 11, 21).now })
    store.visit()
    const [day] = await store.lastDays(1)
    day!.visits = 99
    expect((await store.lastDays(1))[0]?.visits).toBe(1)
  })

  it('ignores invalid ids, locales and durations without throwing', async () => {
    const store = createUsageStore({ dir, now: clock(2026, 11, 21).now })
    const bad: unknown[] = [
      '',
      'What-Is',
      '../settings',
      'a b',
      'name@example.org',
      'x'.repeat(65),
      42,
      null,
      undefined,
      { id: 'what-is' },
    ]
    for (const id of bad) {
      expect(store.sectionView(id, 10)).toBe(false)
      expect(store.sheetPrinted(id, 'en')).toBe(false)
      expect(store.printFailed(id)).toBe(false)
    }
    for (const locale of ['fr', 'EN', '', null, 1]) {
      expect(store.sheetPrinted('home-care', locale)).toBe(false)
      expect(store.languageUsed(locale)).toBe(false)
    }
    for (const seconds of [-1, Number.NaN, Number.POSITIVE_INFINITY, '10', 3601]) {
      expect(store.sectionView('what-is', seconds)).toBe(false)
    }
    expect(store.sectionView('what-is', 3600)).toBe(true)

    const [day] = await store.lastDays(1)
    expect(day?.sections).toEqual({ 'what-is': { views: 1, seconds: 3600 } })
    expect(day?.prints).toEqual({})
    expect(day?.printFailures).toEqual({})
    expect(day?.languages).toEqual({ en: 0, es: 0 })
  })

  it('keeps counts in memory and writes them once per interval, not on every tap', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const store = createUsageStore({ dir, now: clock(2026, 11, 21).now, flushIntervalMs: 5_000 })
    for (let i = 0; i < 100; i++) store.visit()
    await realPause()
    expect(await fileExists('usage.json')).toBe(false)

    await vi.advanceTimersByTimeAsync(4_999)
    await realPause()
    expect(await fileExists('usage.json')).toBe(false)

    await vi.advanceTimersByTimeAsync(1)
    expect(await savedVisitsOnceWritten(100)).toBe(100)

    // The next burst waits for its own window.
    store.visit()
    await realPause()
    expect(await savedVisits()).toBe(100)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await savedVisitsOnceWritten(101)).toBe(101)
  })

  it('writes at once on flush(), atomically, leaving no temporary files behind', async () => {
    const store = createUsageStore({ dir, now: clock(2026, 11, 21).now, flushIntervalMs: 60_000 })
    store.sheetPrinted('stretches', 'es')
    await store.flush()
    expect(await readdir(dir)).toEqual(['usage.json'])
    expect(await readUsageFile()).toEqual({
      version: 1,
      days: {
        '2026-11-21': {
          visits: 0,
          idleResets: 0,
          sections: {},
          prints: { 'stretches/es': 1 },
          printFailures: {},
          languages: { en: 0, es: 0 },
        },
      },
    })
  })

  it('stores nothing but dates and counts', async () => {
    const store = createUsageStore({ dir, now: clock(2026, 11, 21, 9, 41).now })
    store.visit()
    store.sectionView('treatment', 61.7)
    store.sheetPrinted('home-care', 'en')
    await store.flush()
    const text = await readFile(join(dir, 'usage.json'), 'utf8')
    expect(text).not.toMatch(/T\d{2}:\d{2}|09:41|9:41/)
    expect(usageFileSchema.safeParse(JSON.parse(text)).success).toBe(true)
  })

  it('keeps its counts when the app restarts', async () => {
    const time = clock(2026, 11, 21)
    const first = createUsageStore({ dir, now: time.now })
    first.visit()
    first.sectionView('symptoms', 20)
    first.languageUsed('es')
    await first.flush()

    const second = createUsageStore({ dir, now: time.now })
    // Counted before the file was read back: both must survive.
    second.visit()
    second.sectionView('symptoms', 10)
    await second.flush()

    const third = createUsageStore({ dir, now: time.now })
    expect(await third.lastDays(1)).toMatchObject([
      { visits: 2, sections: { symptoms: { views: 2, seconds: 30 } }, languages: { es: 1 } },
    ])
    expect(third.problems()).toEqual([])
  })

  it('drops days older than 400 days when it loads', async () => {
    await writeFile(
      join(dir, 'usage.json'),
      JSON.stringify({
        version: 1,
        days: {
          '2025-10-17': { visits: 7 }, // 400 days before 2026-11-21
          '2025-10-18': { visits: 5 }, // 399 days before: the oldest day kept
          '2026-11-20': { visits: 3 },
        },
      }),
    )
    const store = createUsageStore({ dir, now: clock(2026, 11, 21).now })
    const days = await store.lastDays(400)
    expect(days).toHaveLength(400)
    expect(days[0]).toMatchObject({ date: '2025-10-18', visits: 5 })
    expect(days[398]).toMatchObject({ date: '2026-11-20', visits: 3 })
    await store.flush()
    expect(Object.keys((await readUsageFile()).days)).toEqual(['2025-10-18', '2026-11-20'])
  })

  it('drops expired days when a new day starts while it runs', async () => {
    const time = clock(2026, 11, 21)
    const store = createUsageStore({ dir, now: time.now, retentionDays: 3 })
    store.visit()
    time.set(2026, 11, 23)
    store.visit()
    await store.flush()
    expect(Object.keys((await readUsageFile()).days)).toEqual(['2026-11-21', '2026-11-23'])

    time.set(2026, 11, 24)
    store.idleReset()
    await store.flush()
    expect(Object.keys((await readUsageFile()).days)).toEqual(['2026-11-23', '2026-11-24'])
  })

  it('moves a corrupt file aside, keeps it, and starts counting again', async () => {
    await writeFile(join(dir, 'usage.json'), '{"version": 1, "days": {"2026-11')
    const time = clock(2026, 11, 21, 10)
    const store = createUsageStore({ dir, now: time.now })
    store.visit()
    expect((await store.lastDays(1))[0]?.visits).toBe(1)

    const aside = (await readdir(dir)).filter((name) => name.startsWith('usage.json.invalid-'))
    expect(aside).toHaveLength(1)
    expect(aside[0]).toBe(`usage.json.invalid-${time.now().toISOString().replace(/[:.]/g, '-')}`)
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe('{"version": 1, "days": {"2026-11')
    expect(store.problems()).toEqual([
      {
        file: 'usage.json',
        field: '(whole file)',
        code: 'not-json',
        movedTo: join(dir, aside[0]!),
        fallback: 'counting-restarted',
      },
    ])

    await store.flush()
    expect((await readUsageFile()).days['2026-11-21']?.visits).toBe(1)
  })

  it('moves aside a file with data it does not expect, naming the field', async () => {
    await writeFile(
      join(dir, 'usage.json'),
      JSON.stringify({
        version: 1,
        days: { '2026-11-20': { visits: 3, visitorName: 'Ana' } },
      }),
    )
    const store = createUsageStore({ dir, now: clock(2026, 11, 21).now })
    expect((await store.lastDays(2)).map((day) => day.visits)).toEqual([0, 0])
    expect(store.problems()[0]).toMatchObject({
      field: 'days.2026-11-20',
      code: 'invalid',
      params: { rule: 'unrecognized_keys', keys: 'visitorName' },
    })
    expect((await readdir(dir)).some((name) => name.startsWith('usage.json.invalid-'))).toBe(true)
  })

  it('refuses stored keys that are not ids or dates', async () => {
    await writeFile(
      join(dir, 'usage.json'),
      JSON.stringify({ version: 1, days: { '2026-02-30': { visits: 1 } } }),
    )
    const store = createUsageStore({ dir, now: clock(2026, 11, 21).now })
    await store.lastDays(1)
    expect(store.problems()).toEqual([
      expect.objectContaining({
        field: 'days.2026-02-30',
        code: 'invalid',
        params: { rule: 'date-format', origin: 'record' },
        movedTo: expect.stringContaining('usage.json.invalid-'),
        fallback: 'counting-restarted',
      }),
    ])
  })

  it('keeps counting in memory, and overwrites nothing, when usage.json cannot be read', async () => {
    await mkdir(join(dir, 'usage.json'))
    const store = createUsageStore({ dir, now: clock(2026, 11, 21).now })
    store.visit()
    expect((await store.lastDays(1))[0]?.visits).toBe(1)
    await store.flush()
    expect((await stat(join(dir, 'usage.json'))).isDirectory()).toBe(true)
    expect(store.problems()).toEqual([
      {
        file: 'usage.json',
        field: '(whole file)',
        code: 'unreadable',
        params: { error: 'EISDIR' },
        fallback: 'counts-in-memory',
      },
    ])
  })

  it('reports a failed save, keeps the counts and saves them on the next try', async () => {
    const folder = join(dir, 'user-data')
    const store = createUsageStore({ dir: folder, now: clock(2026, 11, 21).now })
    await store.lastDays(1)
    // Root ignores permissions, so block the save with a file where the folder should be.
    await writeFile(folder, 'not a folder')
    store.visit()
    await expect(store.flush()).rejects.toThrow()
    expect(store.problems()).toEqual([
      {
        file: 'usage.json',
        field: '(whole file)',
        code: 'not-saved',
        params: { error: expect.stringMatching(/^E[A-Z]+$/) },
        fallback: 'will-retry',
      },
    ])

    await rm(folder)
    await store.flush()
    expect(store.problems()).toEqual([])
    const saved = JSON.parse(await readFile(join(folder, 'usage.json'), 'utf8')) as unknown
    expect(usageFileSchema.parse(saved).days['2026-11-21']?.visits).toBe(1)
  })
})
