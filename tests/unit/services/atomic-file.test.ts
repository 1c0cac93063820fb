import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  createQueue,
  moveAside,
  readJsonFile,
  writeFileAtomic,
} from '../../../electron/services/atomic-file'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const schema = z.strictObject({ name: z.string(), count: z.number().int() })
const file = () => join(dir, 'data.json')

describe('writeFileAtomic', () => {
  it('creates and then replaces a file, leaving no temporary files behind', async () => {
    await writeFileAtomic(file(), '{"name":"a","count":1}')
    await writeFileAtomic(file(), '{"name":"b","count":2}')
    expect(await readFile(file(), 'utf8')).toBe('{"name":"b","count":2}')
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('keeps the old file whole when the app dies between writing and renaming', async () => {
    await writeFileAtomic(file(), JSON.stringify({ name: 'old', count: 1 }))
    const big = JSON.stringify({ name: 'new'.repeat(100_000), count: 2 })
    let tempSeen = ''
    const crash = writeFileAtomic(file(), big, {
      beforeRename: async (temp) => {
        tempSeen = temp
        // The new data is complete on disk, yet the target is still the old file.
        expect(await readFile(temp, 'utf8')).toBe(big)
        expect(await readFile(file(), 'utf8')).toBe('{"name":"old","count":1}')
        throw new Error('power cut')
      },
    })
    await expect(crash).rejects.toThrow('power cut')

    expect(tempSeen).toContain(dir)
    expect(await readJsonFile(file(), schema)).toEqual({
      ok: true,
      value: { name: 'old', count: 1 },
    })
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('leaves no partial target when the very first write fails', async () => {
    const crash = writeFileAtomic(file(), '{"name":"x","count":1}', {
      beforeRename: () => {
        throw new Error('power cut')
      },
    })
    await expect(crash).rejects.toThrow('power cut')
    expect(await readdir(dir)).toEqual([])
    expect((await readJsonFile(file(), schema)).ok).toBe(false)
  })

  it('ignores a temporary file left over from a real crash', async () => {
    await writeFileAtomic(file(), '{"name":"old","count":1}')
    await writeFile(join(dir, '.data.json.abc123.tmp'), '{"name":"ne')
    expect(await readJsonFile(file(), schema)).toEqual({
      ok: true,
      value: { name: 'old', count: 1 },
    })
  })

  it('applies concurrent writes whole and in call order', async () => {
    const writes = Array.from({ length: 25 }, (_, i) =>
      writeFileAtomic(file(), JSON.stringify({ name: String(i).repeat(20_000), count: i })),
    )
    await Promise.all(writes)
    const result = await readJsonFile(file(), schema)
    expect(result.ok && result.value.count).toBe(24)
    expect(result.ok && result.value.name).toBe('24'.repeat(20_000))
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('keeps writing after one write failed', async () => {
    const failing = writeFileAtomic(file(), 'x', {
      beforeRename: () => Promise.reject(new Error('disk full')),
    })
    const next = writeFileAtomic(file(), '{"name":"ok","count":3}')
    await expect(failing).rejects.toThrow('disk full')
    await next
    expect(await readFile(file(), 'utf8')).toBe('{"name":"ok","count":3}')
  })

  it('fails plainly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'a.json'), '{}')).rejects.toThrow(/ENOENT/)
  })
})

describe('readJsonFile', () => {
  it('tells a missing file apart from bad JSON and from invalid data', async () => {
    expect(await readJsonFile(file(), schema)).toMatchObject({ ok: false, reason: 'missing' })

    await writeFile(file(), '{"name": "a", ')
    const bad = await readJsonFile(file(), schema)
    expect(bad).toMatchObject({ ok: false, reason: 'not-json' })
    expect(!bad.ok && bad.problems[0]?.message).toMatch(/^not valid JSON/)

    await writeFile(file(), '{"name": "a", "count": "three"}')
    const invalid = await readJsonFile(file(), schema)
    expect(invalid).toMatchObject({ ok: false, reason: 'invalid' })
    expect(!invalid.ok && invalid.problems[0]?.field).toBe('count')
  })

  it('returns the parsed value of a valid file', async () => {
    await writeFile(file(), '{"name": "a", "count": 3}')
    expect(await readJsonFile(file(), schema)).toEqual({ ok: true, value: { name: 'a', count: 3 } })
  })
})

describe('moveAside', () => {
  it('renames a bad file with a time stamp and keeps its text', async () => {
    await writeFile(file(), 'garbage')
    const aside = await moveAside(file(), new Date('2026-11-21T10:00:00Z'))
    expect(aside).toBe(join(dir, 'data.json.invalid-2026-11-21T10-00-00-000Z'))
    expect(await readFile(aside, 'utf8')).toBe('garbage')
    expect(await readdir(dir)).toEqual(['data.json.invalid-2026-11-21T10-00-00-000Z'])
  })
})

describe('createQueue', () => {
  it('runs tasks one at a time even when one fails', async () => {
    const run = createQueue()
    const log: string[] = []
    const task = (name: string, fail = false) =>
      run(async () => {
        log.push(`${name} start`)
        await new Promise((done) => setTimeout(done, 5))
        log.push(`${name} end`)
        if (fail) throw new Error(name)
        return name
      })
    const results = await Promise.allSettled([task('a'), task('b', true), task('c')])
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end'])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  })
})
