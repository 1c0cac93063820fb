import { appendFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAuditLog, type AuditEvent } from '../../../electron/services/audit-log'

let dir: string
let clock: number
const log = (maxBytes?: number) =>
  createAuditLog({ dir, now: () => new Date(clock), ...(maxBytes ? { maxBytes } : {}) })
const file = () => join(dir, 'audit.log')

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-audit-'))
  clock = Date.parse('2026-11-21T10:00:00Z')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('audit log', () => {
  it('appends one JSON line per event and lists them newest first', async () => {
    const audit = log()
    expect(await audit.recent(10)).toEqual([])
    await audit.append({ event: 'sign-in' })
    clock += 1000
    await audit.append({ event: 'content-changed', detail: 'Edited en/section/what-is' })
    clock += 1000
    await audit.append({ event: 'sign-out' })

    const lines = (await readFile(file(), 'utf8')).trimEnd().split('\n')
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { at: '2026-11-21T10:00:00.000Z', event: 'sign-in' },
      {
        at: '2026-11-21T10:00:01.000Z',
        event: 'content-changed',
        detail: 'Edited en/section/what-is',
      },
      { at: '2026-11-21T10:00:02.000Z', event: 'sign-out' },
    ])
    expect((await log().recent(2)).map((e) => e.event)).toEqual(['sign-out', 'content-changed'])
  })

  it('refuses unknown events and over-long detail', async () => {
    const audit = log()
    await expect(audit.append({ event: 'visitor-typed' as AuditEvent })).rejects.toThrow()
    await expect(audit.append({ event: 'import', detail: 'x'.repeat(201) })).rejects.toThrow()
    expect(await audit.recent(10)).toEqual([])
  })

  it('only ever adds to the file', async () => {
    const audit = log()
    await audit.append({ event: 'sign-in' })
    const first = await readFile(file(), 'utf8')
    await audit.append({ event: 'export' })
    expect((await readFile(file(), 'utf8')).startsWith(first)).toBe(true)
  })

  it('rotates past the size limit, keeping exactly one older file', async () => {
    const audit = log(1000)
    for (let i = 0; i < 60; i++) {
      clock += 1000
      await audit.append({ event: 'settings-changed', detail: `change ${i}` })
    }
    expect((await readdir(dir)).sort()).toEqual(['audit.log', 'audit.log.1'])
    expect((await stat(file())).size).toBeLessThanOrEqual(1000)
    expect((await stat(`${file()}.1`)).size).toBeLessThanOrEqual(1000)

    const recent = await audit.recent(15)
    expect(recent.map((e) => e.detail)).toEqual(
      Array.from({ length: 15 }, (_, i) => `change ${59 - i}`),
    )
    // The oldest entries have gone with the file rotated out twice over.
    const all = await audit.recent(1000)
    expect(all.length).toBeLessThan(60)
    expect(all.at(-1)?.detail).not.toBe('change 0')
  })

  it('uses a 1 MB limit by default', async () => {
    const audit = log()
    await appendFile(
      file(),
      `${JSON.stringify({ at: '2026-11-21T09:00:00.000Z', event: 'sign-in' })}\n`,
    )
    await appendFile(file(), 'x'.repeat(1024 * 1024 - 200))
    await audit.append({ event: 'sign-out' })
    expect((await readdir(dir)).sort()).toEqual(['audit.log'])
    await audit.append({ event: 'sign-out', detail: 'y'.repeat(200) })
    expect((await readdir(dir)).sort()).toEqual(['audit.log', 'audit.log.1'])
  })

  it('skips a line cut short by a crash', async () => {
    const audit = log()
    await audit.append({ event: 'sign-in' })
    await appendFile(file(), '{"at":"2026-11-21T10:00:00.000Z","ev')
    await appendFile(file(), '\n')
    await audit.append({ event: 'locked' })
    expect((await audit.recent(10)).map((e) => e.event)).toEqual(['locked', 'sign-in'])
  })

  it('keeps every line whole when events arrive at the same time', async () => {
    const audit = log(2000)
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        audit.append({ event: 'sign-in-failed', detail: `${i}` }),
      ),
    )
    const lines = [
      ...(await readFile(`${file()}.1`, 'utf8')).split('\n'),
      ...(await readFile(file(), 'utf8')).split('\n'),
    ].filter(Boolean)
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow()
    expect((await audit.recent(1))[0]?.detail).toBe('39')
  })
})
