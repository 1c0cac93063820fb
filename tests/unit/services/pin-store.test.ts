import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinStore, lockoutFileName, pinFileName } from '../../../electron/services/pin-store'

let dir: string
let clock: number
const now = () => new Date(clock)
const store = () => createPinStore({ dir, now })
const minute = 60_000

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-pin-'))
  clock = Date.parse('2026-11-21T10:00:00Z')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function allFileText(): Promise<string> {
  const names = await readdir(dir)
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')))
  return texts.join('\n')
}

describe('pin store', () => {
  it('has no PIN until staff set one, and then accepts only that PIN', async () => {
    const pins = store()
    expect(await pins.status()).toEqual({ isSet: false, lockedUntil: null, failedAttempts: 0 })
    expect(await pins.verify('1234')).toMatchObject({ ok: false, reason: 'not-set' })
    for (const guess of ['0000', '1234', '12345678']) {
      expect((await pins.verify(guess)).ok).toBe(false)
    }

    expect(await pins.setPin('4821')).toEqual({ ok: true })
    expect((await pins.status()).isSet).toBe(true)
    expect(await pins.verify('4821')).toEqual({ ok: true })
    expect(await pins.verify('4822')).toMatchObject({ ok: false, reason: 'wrong', attemptsLeft: 4 })
  })

  it('stores only a salted scrypt hash, never the PIN in clear', async () => {
    const pin = '73915284'
    await store().setPin(pin)
    const text = await allFileText()
    const file = JSON.parse(await readFile(join(dir, pinFileName), 'utf8')) as Record<
      string,
      unknown
    >
    expect(Object.keys(file).sort()).toEqual(
      ['N', 'algorithm', 'hash', 'keyLength', 'p', 'r', 'salt'].sort(),
    )
    expect(file.algorithm).toBe('scrypt')
    expect(file.salt).toMatch(/^[0-9a-f]{32}$/)
    expect(file.hash).toMatch(/^[0-9a-f]+$/)
    expect(text).not.toContain(pin)
    // Nor the digits spread out, as in "7,3,9,1,5,2,8,4" or "7 3 9 1 5 2 8 4".
    expect(text).not.toMatch(new RegExp(pin.split('').join('\\D{0,3}')))
  })

  it('uses a different salt, and so a different hash, for the same PIN', async () => {
    const other = await mkdtemp(join(tmpdir(), 'kiosk-pin-'))
    try {
      await store().setPin('4821')
      await createPinStore({ dir: other }).setPin('4821')
      const read = async (folder: string) =>
        JSON.parse(await readFile(join(folder, pinFileName), 'utf8')) as {
          salt: string
          hash: string
        }
      const [a, b] = [await read(dir), await read(other)]
      expect(a.salt).not.toBe(b.salt)
      expect(a.hash).not.toBe(b.hash)
    } finally {
      await rm(other, { recursive: true, force: true })
    }
  })

  it.each(['123', '123456789', '12a4', '12 34', '', '١٢٣٤'])(
    'refuses "%s" as a PIN',
    async (pin) => {
      const pins = store()
      expect(await pins.setPin(pin)).toEqual({ ok: false, reason: 'invalid-format' })
      expect((await pins.status()).isSet).toBe(false)
    },
  )

  it('refuses a new PIN of the wrong shape before checking the current one', async () => {
    const pins = store()
    await pins.setPin('4821')
    expect(await pins.setPin('12', '0000')).toEqual({ ok: false, reason: 'invalid-format' })
    expect((await pins.status()).failedAttempts).toBe(0)
  })

  it('accepts PINs of 4 and of 8 digits', async () => {
    expect(await store().setPin('0000')).toEqual({ ok: true })
    expect(await store().setPin('00000000', '0000')).toEqual({ ok: true })
    expect(await store().verify('00000000')).toEqual({ ok: true })
  })

  it('needs the current PIN to change it', async () => {
    const pins = store()
    await pins.setPin('4821')
    expect(await pins.setPin('9999')).toMatchObject({ ok: false, reason: 'current-required' })
    expect(await pins.setPin('9999', '1111')).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await pins.verify('4821')).toEqual({ ok: true })

    expect(await pins.setPin('9999', '4821')).toEqual({ ok: true })
    expect(await pins.verify('4821')).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await pins.verify('9999')).toEqual({ ok: true })
  })

  it('locks for five minutes after five wrong PINs, even across a restart', async () => {
    await store().setPin('4821')
    const pins = store()
    for (let left = 4; left >= 1; left--) {
      expect(await pins.verify('0000')).toMatchObject({
        ok: false,
        reason: 'wrong',
        attemptsLeft: left,
      })
    }
    const lockedUntil = clock + 5 * minute
    expect(await pins.verify('0000')).toEqual({
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
      lockedUntil,
    })

    clock += 2 * minute
    // The right PIN is refused while locked, and the lock is not extended.
    expect(await pins.verify('4821')).toEqual({
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
      lockedUntil,
    })
    expect(await pins.setPin('1111', '4821')).toMatchObject({ ok: false, reason: 'locked' })

    const restarted = store()
    expect(await restarted.status()).toEqual({ isSet: true, lockedUntil, failedAttempts: 5 })
    expect(await restarted.verify('4821')).toMatchObject({ ok: false, reason: 'locked' })

    clock = lockedUntil - 1
    expect((await restarted.status()).lockedUntil).toBe(lockedUntil)
    clock = lockedUntil
    expect(await restarted.status()).toEqual({ isSet: true, lockedUntil: null, failedAttempts: 0 })
    expect(await restarted.verify('4821')).toEqual({ ok: true })
  })

  it('gives five fresh tries once a lock has run out', async () => {
    const pins = store()
    await pins.setPin('4821')
    for (let i = 0; i < 5; i++) await pins.verify('0000')
    clock += 5 * minute
    expect(await pins.verify('0000')).toMatchObject({ reason: 'wrong', attemptsLeft: 4 })
  })

  it('resets the count after a correct PIN', async () => {
    const pins = store()
    await pins.setPin('4821')
    await pins.verify('0000')
    await pins.verify('0000')
    expect((await pins.status()).failedAttempts).toBe(2)
    expect(await pins.verify('4821')).toEqual({ ok: true })
    expect((await store().status()).failedAttempts).toBe(0)
    expect(await pins.verify('0000')).toMatchObject({ attemptsLeft: 4 })
  })

  it('counts every attempt when guesses arrive at the same time', async () => {
    const pins = store()
    await pins.setPin('4821')
    const results = await Promise.all(
      ['0001', '0002', '0003', '0004', '0005', '4821'].map((pin) => pins.verify(pin)),
    )
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'wrong',
      'wrong',
      'wrong',
      'wrong',
      'locked',
      'locked',
    ])
  })

  it('moves a damaged PIN file aside and reports it', async () => {
    await writeFile(join(dir, pinFileName), '{"algorithm": "scrypt", "salt": ')
    const pins = store()
    expect((await pins.status()).isSet).toBe(false)
    const aside = `${pinFileName}.invalid-2026-11-21T10-00-00-000Z`
    expect(pins.problems()).toEqual([
      {
        file: pinFileName,
        field: '(whole file)',
        code: 'not-json',
        movedTo: join(dir, aside),
        fallback: 'new-pin-needed',
      },
    ])
    expect(await readdir(dir)).toEqual([aside])
  })

  it('moves a damaged lockout file aside, reports it, and keeps the PIN', async () => {
    await store().setPin('4821')
    await writeFile(join(dir, lockoutFileName), '{"failedAttempts": 3, "locked')
    const pins = store()
    expect(await pins.status()).toEqual({ isSet: true, lockedUntil: null, failedAttempts: 0 })
    expect(pins.problems()).toEqual([
      {
        file: lockoutFileName,
        field: '(whole file)',
        code: 'not-json',
        movedTo: join(dir, `${lockoutFileName}.invalid-2026-11-21T10-00-00-000Z`),
      },
    ])
    expect(await pins.verify('4821')).toEqual({ ok: true })
  })

  it('refuses a tampered file that would make every check very slow', async () => {
    await store().setPin('4821')
    const file = JSON.parse(await readFile(join(dir, pinFileName), 'utf8')) as { N: number }
    file.N = 2 ** 30
    await writeFile(join(dir, pinFileName), JSON.stringify(file))
    const pins = store()
    expect((await pins.status()).isSet).toBe(false)
    expect(pins.problems()[0]).toMatchObject({
      file: pinFileName,
      field: 'N',
      code: 'invalid',
      params: { rule: 'too_big', maximum: 1_048_576 },
      fallback: 'new-pin-needed',
    })
  })
})
