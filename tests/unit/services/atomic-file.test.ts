import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createQueue, writeFileAtomic } from '../../../electron/services/atomic-file'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const file = () => join(dir, 'data.json')
const readData = async () => JSON.parse(await readFile(file(), 'utf8')) as unknown

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
    expect(await readData()).toEqual({ name: 'old', count: 1 })
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
  })

  it('ignores a temporary file left over from a real crash', async () => {
    await writeFileAtomic(file(), '{"name":"old","count":1}')
    await writeFile(join(dir, '.data.json.abc123.tmp'), '{"name":"ne')
    expect(await readData()).toEqual({ name: 'old', count: 1 })
    await writeFileAtomic(file(), '{"name":"new","count":2}')
    expect(await readData()).toEqual({ name: 'new', count: 2 })
  })

  it('applies concurrent writes whole and in call order', async () => {
    const writes = Array.from({ length: 25 }, (_, i) =>
      writeFileAtomic(file(), JSON.stringify({ name: String(i).repeat(20_000), count: i })),
    )
    await Promise.all(writes)
    expect(await readData()).toEqual({ name: '24'.repeat(20_000), count: 24 })
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

  it('creates a missing folder, in the same turn as the write', async () => {
    await writeFileAtomic(join(dir, 'new', 'deeper', 'a.json'), '{"a":1}')
    expect(await readFile(join(dir, 'new', 'deeper', 'a.json'), 'utf8')).toBe('{"a":1}')
  })

  it('fails plainly when the folder cannot be made', async () => {
    await writeFile(join(dir, 'blocked'), 'a file where the folder should be')
    await expect(writeFileAtomic(join(dir, 'blocked', 'a.json'), '{}')).rejects.toThrow(
      /EEXIST|ENOTDIR/,
    )
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
