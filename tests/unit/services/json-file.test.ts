import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createJsonFile } from '../../../electron/services/json-file'
import { useTempFolder } from '../temp-folder'

const folder = useTempFolder('kiosk-json-file-')
const schema = z.strictObject({ name: z.string().min(1, 'not-empty'), count: z.number().int() })
const at = new Date('2026-11-21T10:00:00Z')
const path = () => join(folder(), 'data.json')
const dataFile = (options: { moveBadAside?: boolean } = {}) =>
  createJsonFile(path(), schema, { name: 'data.json', now: () => at, ...options })
const aside = 'data.json.invalid-2026-11-21T10-00-00-000Z'

describe('reading a JSON file of the kiosk', () => {
  it('says a missing file is missing, and creates nothing', async () => {
    expect(await dataFile().read()).toEqual({ ok: false, reason: 'missing' })
    expect(await readdir(folder())).toEqual([])
  })

  it('returns the validated value of a good file, and leaves it in place', async () => {
    await writeFile(path(), '{"name": "a", "count": 3}')
    expect(await dataFile().read()).toEqual({ ok: true, value: { name: 'a', count: 3 } })
    expect(await readdir(folder())).toEqual(['data.json'])
  })

  it('moves a file that is not JSON aside, keeps its text, and says where it went', async () => {
    await writeFile(path(), '{"name": "a", ')
    const movedTo = join(folder(), aside)
    expect(await dataFile().read()).toEqual({
      ok: false,
      reason: 'not-json',
      movedTo,
      problems: [{ file: 'data.json', field: '(whole file)', code: 'not-json', movedTo }],
    })
    expect(await readdir(folder())).toEqual([aside])
    expect(await readFile(movedTo, 'utf8')).toBe('{"name": "a", ')
    // The next read no longer trips over it.
    expect(await dataFile().read()).toEqual({ ok: false, reason: 'missing' })
  })

  it('moves an invalid file aside and names each bad field with its rule', async () => {
    await writeFile(path(), '{"name": "", "count": "three"}')
    const movedTo = join(folder(), aside)
    expect(await dataFile().read()).toEqual({
      ok: false,
      reason: 'invalid',
      movedTo,
      problems: [
        {
          file: 'data.json',
          field: 'name',
          code: 'invalid',
          params: { rule: 'not-empty', minimum: 1, origin: 'string' },
          movedTo,
        },
        {
          file: 'data.json',
          field: 'count',
          code: 'invalid',
          params: { rule: 'invalid_type', expected: 'number' },
          movedTo,
        },
      ],
    })
    expect(await readdir(folder())).toEqual([aside])
  })

  it('leaves a bad file where it is when told not to move it', async () => {
    await writeFile(path(), 'not json')
    expect(await dataFile({ moveBadAside: false }).read()).toEqual({
      ok: false,
      reason: 'not-json',
      problems: [{ file: 'data.json', field: '(whole file)', code: 'not-json' }],
    })
    await writeFile(path(), '{"name": "a"}')
    const invalid = await dataFile({ moveBadAside: false }).read()
    expect(invalid).toMatchObject({ ok: false, reason: 'invalid' })
    expect(invalid).not.toHaveProperty('movedTo')
    expect(await readdir(folder())).toEqual(['data.json'])
  })

  it('throws what needs a person, such as a folder where the file should be', async () => {
    await mkdir(path())
    await expect(dataFile().read()).rejects.toThrow(/EISDIR/)
  })
})

describe('writing a JSON file of the kiosk', () => {
  it('writes the validated value whole, creating the folder, and reads it back', async () => {
    const nested = createJsonFile(join(folder(), 'a', 'b', 'data.json'), schema, {
      name: 'data.json',
    })
    expect(await nested.write({ name: 'a', count: 1 })).toEqual({ name: 'a', count: 1 })
    expect(await readFile(nested.path, 'utf8')).toBe('{\n  "name": "a",\n  "count": 1\n}\n')
    expect(await nested.read()).toEqual({ ok: true, value: { name: 'a', count: 1 } })
    expect(await readdir(join(folder(), 'a', 'b'))).toEqual(['data.json'])
  })

  it('refuses to write a value it would refuse to read, and leaves the file as it was', async () => {
    const file = dataFile()
    await file.write({ name: 'kept', count: 1 })
    const before = await readFile(path(), 'utf8')
    await expect(file.write({ name: '', count: 1.5 })).rejects.toThrow()
    await expect(file.write({ name: 'x', count: 2, extra: true } as never)).rejects.toThrow()
    expect(await readFile(path(), 'utf8')).toBe(before)
    expect(await readdir(folder())).toEqual(['data.json'])
  })

  it('replaces the file atomically: a reader sees the old file or a new one, never a mix', async () => {
    const file = dataFile()
    await file.write({ name: 'old', count: 0 })
    const big = 'new'.repeat(100_000)
    const writes = Array.from({ length: 10 }, (_, i) => file.write({ name: big, count: i + 1 }))
    const reads = []
    for (let i = 0; i < 10; i++) reads.push(await file.read())
    await Promise.all(writes)
    for (const read of reads) {
      // A half-written file would be refused as not JSON, and moved aside.
      expect(read.ok).toBe(true)
      const name = read.ok ? read.value.name : ''
      expect(name === 'old' || name === big).toBe(true)
    }
    expect(await readdir(folder())).toEqual(['data.json'])
  })

  it('applies writes of the same file in the order they were asked for', async () => {
    const file = dataFile()
    const lastWritten: number[] = []
    const lastRead: (number | false)[] = []
    // Rounds, because which write lands last depends on the thread pool's timing.
    for (let round = 1; round <= 20; round++) {
      const counts = Array.from({ length: 10 }, (_, i) => round * 100 + i)
      await Promise.all(counts.map((count) => file.write({ name: 'n', count })))
      const read = await file.read()
      lastWritten.push(counts.at(-1)!)
      lastRead.push(read.ok && read.value.count)
    }
    expect(lastRead).toEqual(lastWritten)
  })
})
