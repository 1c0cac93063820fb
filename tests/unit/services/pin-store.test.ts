import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinStore, lockoutFileName, pinFileName } from '../../../electron/services/pin-store'
import { createSetupRecord, setupRecordFileName } from '../../../electron/services/setup-record'
import { writeOldPinFile } from '../backend/kiosk-fixture'
import { useTempFolder } from '../temp-folder'

const folder = useTempFolder('kiosk-pin-')
let clock: number
const now = () => new Date(clock)
/** The pin store as the app builds it on start: each call is a fresh start on the same folder. */
const store = () =>
  createPinStore({ dir: folder(), now, setup: createSetupRecord({ dir: folder(), now }) })
const minute = 60_000
const pin = '482615'

beforeEach(() => {
  clock = Date.parse('2026-11-21T10:00:00Z')
})

async function allFileText(): Promise<string> {
  const names = await readdir(folder())
  const texts = await Promise.all(names.map((name) => readFile(join(folder(), name), 'utf8')))
  return texts.join('\n')
}

async function lockOut(pins: ReturnType<typeof store>) {
  let last
  for (let i = 0; i < 5; i++) last = await pins.verify('000001')
  return last
}

describe('pin store', () => {
  it('has no PIN on a kiosk never set up; the first PIN is then the only one that works', async () => {
    const pins = store()
    expect(await pins.status()).toEqual({
      state: 'not-set',
      lockedUntil: null,
      failedAttempts: 0,
      locks: 0,
    })
    expect(await pins.verify(pin)).toMatchObject({ ok: false, reason: 'not-set' })
    expect(await pins.setFirstPin(pin)).toEqual({ ok: true })
    expect((await pins.status()).state).toBe('set')
    expect(await pins.verify(pin)).toEqual({ ok: true })
    expect(await pins.verify('482616')).toMatchObject({
      ok: false,
      reason: 'wrong',
      attemptsLeft: 4,
    })
  })

  it('lets only a kiosk never set up choose its first PIN', async () => {
    await store().setFirstPin(pin)
    expect(await store().setFirstPin('739152')).toEqual({ ok: false, reason: 'already-set' })
    expect(await store().verify(pin)).toEqual({ ok: true })
  })

  it('stores only a salted scrypt hash, never the PIN in clear', async () => {
    const secret = '73915284'
    await store().setFirstPin(secret)
    const text = await allFileText()
    const file = JSON.parse(await readFile(join(folder(), pinFileName), 'utf8')) as Record<
      string,
      unknown
    >
    expect(Object.keys(file).sort()).toEqual(
      ['N', 'algorithm', 'hash', 'keyLength', 'p', 'r', 'salt'].sort(),
    )
    expect(file.algorithm).toBe('scrypt')
    expect(file.salt).toMatch(/^[0-9a-f]{32}$/)
    expect(text).not.toContain(secret)
    // Nor the digits spread out, as in "7,3,9,1,5,2,8,4" or "7 3 9 1 5 2 8 4".
    expect(text).not.toMatch(new RegExp(secret.split('').join('\\D{0,3}')))
  })

  it.each([
    ['12345', 'pin-too-short'],
    ['123456789', 'pin-too-long'],
    ['12a456', 'pin-digits'],
    ['١٢٣٤٥٦', 'pin-digits'],
    ['', 'pin-too-short'],
    ['000000', 'pin-obvious'],
    ['123456', 'pin-obvious'],
    ['87654321', 'pin-obvious'],
    ['890123', 'pin-obvious'],
  ])('refuses "%s" as a new PIN (%s), and sets nothing', async (newPin, rule) => {
    const pins = store()
    const result = await pins.setFirstPin(newPin)
    expect(result).toMatchObject({ ok: false, reason: 'new-pin-refused' })
    expect('problems' in result && result.problems[0]).toMatchObject({
      field: 'pin',
      code: 'invalid',
      params: { rule },
    })
    expect((await pins.status()).state).toBe('not-set')
  })

  it('accepts new PINs of 6 and of 8 digits', async () => {
    expect(await store().setFirstPin('039481')).toEqual({ ok: true })
    expect(await store().changePin('03948172', '039481')).toEqual({ ok: true })
    expect(await store().verify('03948172')).toEqual({ ok: true })
  })

  it('still accepts a 4-digit PIN set by an older version, and lets it be changed', async () => {
    await writeOldPinFile(folder(), '4826')
    expect(await store().verify('4826')).toEqual({ ok: true })
    expect(await store().changePin(pin, '4826')).toEqual({ ok: true })
    expect(await store().verify(pin)).toEqual({ ok: true })
  })

  it('needs the right current PIN to change it, and checks the new one first', async () => {
    const pins = store()
    await pins.setFirstPin(pin)
    expect(await pins.changePin('12', '000000')).toMatchObject({ reason: 'new-pin-refused' })
    expect((await pins.status()).failedAttempts).toBe(0)
    expect(await pins.changePin('739152', '111111')).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await pins.verify(pin)).toEqual({ ok: true })
    expect(await pins.changePin('739152', pin)).toEqual({ ok: true })
    expect(await pins.verify(pin)).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await pins.verify('739152')).toEqual({ ok: true })
  })

  it('locks for 5 minutes after five wrong PINs, even across a restart; the right PIN is refused meanwhile', async () => {
    await store().setFirstPin(pin)
    const pins = store()
    for (let left = 4; left >= 1; left--) {
      expect(await pins.verify('000001')).toMatchObject({ reason: 'wrong', attemptsLeft: left })
    }
    const lockedUntil = clock + 5 * minute
    expect(await pins.verify('000001')).toEqual({
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
      lockedUntil,
    })
    clock += 2 * minute
    expect(await pins.verify(pin)).toEqual({
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
      lockedUntil,
    })
    expect(await pins.changePin('739152', pin)).toMatchObject({ ok: false, reason: 'locked' })

    const restarted = store()
    expect(await restarted.status()).toEqual({
      state: 'set',
      lockedUntil,
      failedAttempts: 5,
      locks: 1,
    })
    clock = lockedUntil - 1
    expect(await restarted.verify(pin)).toMatchObject({ reason: 'locked' })
    clock = lockedUntil
    expect(await restarted.status()).toEqual({
      state: 'set',
      lockedUntil: null,
      failedAttempts: 0,
      locks: 1,
    })
    expect(await restarted.verify(pin)).toEqual({ ok: true })
  })

  it('doubles each further lock (5, 10, 20 … minutes, at most a day) until a right PIN, across restarts', async () => {
    await store().setFirstPin(pin)
    const lengths: number[] = []
    for (let lock = 1; lock <= 11; lock++) {
      const result = await lockOut(store())
      expect(result).toMatchObject({ reason: 'locked' })
      const until = (result as { lockedUntil: number }).lockedUntil
      lengths.push((until - clock) / minute)
      clock = until
    }
    expect(lengths).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440])
    // Only a right PIN starts again from 5 minutes.
    expect(await store().verify(pin)).toEqual({ ok: true })
    expect(await store().status()).toMatchObject({ locks: 0, failedAttempts: 0 })
    const after = await lockOut(store())
    expect((after as { lockedUntil: number }).lockedUntil - clock).toBe(5 * minute)
    // Sixty-odd real scrypt checks: seconds of CPU, more on a busy machine.
  }, 30_000)

  it('does not forget the escalation when a lock runs out by itself', async () => {
    await store().setFirstPin(pin)
    const first = (await lockOut(store())) as { lockedUntil: number }
    clock = first.lockedUntil + 60 * minute
    expect(await store().verify('000001')).toMatchObject({ reason: 'wrong', attemptsLeft: 4 })
    const second = (await lockOut(store())) as { lockedUntil: number }
    expect(second).toMatchObject({ reason: 'locked' })
  })

  it('reads a lockout file from before escalation as one with no locks yet', async () => {
    await store().setFirstPin(pin)
    await writeFile(
      join(folder(), lockoutFileName),
      JSON.stringify({ failedAttempts: 3, lockedUntil: null }),
    )
    expect(await store().status()).toMatchObject({ failedAttempts: 3, locks: 0 })
  })

  it('counts every attempt when guesses arrive at the same time', async () => {
    const pins = store()
    await pins.setFirstPin(pin)
    const results = await Promise.all(
      ['000001', '000002', '000003', '000004', '000005', pin].map((guess) => pins.verify(guess)),
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

  it('lets IT set a new PIN whatever the old one was, and lifts the lock', async () => {
    await store().setFirstPin(pin)
    await lockOut(store())
    expect(await store().resetPin('12', 'it-command')).toMatchObject({ reason: 'new-pin-refused' })
    expect(await store().resetPin('739152', 'it-command')).toEqual({ ok: true })
    expect(await store().status()).toEqual({
      state: 'set',
      lockedUntil: null,
      failedAttempts: 0,
      locks: 0,
    })
    expect(await store().verify('739152')).toEqual({ ok: true })
  })
})

describe('a damaged or missing PIN file fails closed', () => {
  it('moves a damaged PIN file aside and then needs IT to reset the PIN, also after a restart', async () => {
    await store().setFirstPin(pin)
    await writeFile(join(folder(), pinFileName), '{"algorithm": "scrypt", "salt": ')
    const pins = store()
    expect((await pins.status()).state).toBe('reset-needed')
    expect(pins.problems()).toEqual([
      {
        file: pinFileName,
        field: '(whole file)',
        code: 'not-json',
        movedTo: join(folder(), `${pinFileName}.invalid-2026-11-21T10-00-00-000Z`),
        fallback: 'pin-reset-needed',
      },
    ])
    expect(await pins.verify(pin)).toMatchObject({ ok: false, reason: 'reset-needed' })
    expect(await pins.setFirstPin('739152')).toEqual({ ok: false, reason: 'already-set' })
    expect((await store().status()).state).toBe('reset-needed')
  })

  it('needs IT when the PIN file is simply gone from a kiosk that was set up', async () => {
    await store().setFirstPin(pin)
    const { rm } = await import('node:fs/promises')
    await rm(join(folder(), pinFileName))
    expect((await store().status()).state).toBe('reset-needed')
  })

  it('knows a kiosk from before the setup record was set up, by its PIN file, even a damaged one', async () => {
    await writeFile(join(folder(), pinFileName), 'garbage')
    expect((await store().status()).state).toBe('reset-needed')
    expect(await readdir(folder())).toContain(setupRecordFileName)
    expect((await store().status()).state).toBe('reset-needed')
  })

  it('refuses a tampered file that would make every check very slow', async () => {
    await store().setFirstPin(pin)
    const file = JSON.parse(await readFile(join(folder(), pinFileName), 'utf8')) as { N: number }
    file.N = 2 ** 30
    await writeFile(join(folder(), pinFileName), JSON.stringify(file))
    const pins = store()
    expect((await pins.status()).state).toBe('reset-needed')
    expect(pins.problems()[0]).toMatchObject({
      file: pinFileName,
      field: 'N',
      code: 'invalid',
      params: { rule: 'too_big', maximum: 1_048_576 },
      fallback: 'pin-reset-needed',
    })
  })

  it('locks the pad as after five wrong PINs when the lockout file is damaged, and keeps the PIN', async () => {
    await store().setFirstPin(pin)
    await writeFile(join(folder(), lockoutFileName), '{"failedAttempts": 3, "locked')
    const pins = store()
    expect(await pins.status()).toEqual({
      state: 'set',
      lockedUntil: clock + 5 * minute,
      failedAttempts: 5,
      locks: 1,
    })
    expect(pins.problems()[0]).toMatchObject({
      file: lockoutFileName,
      fallback: 'locked-to-be-safe',
    })
    // A restart does not lift it either.
    expect(await store().verify(pin)).toMatchObject({ reason: 'locked' })
    clock += 5 * minute
    expect(await store().verify(pin)).toEqual({ ok: true })
  })
})
