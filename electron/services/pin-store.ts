import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { lockDurationMs, newPinProblems, pinPolicy } from '../shared/pin-policy'
import type { FieldProblem, Problem } from '../shared/problem'
import { createQueue } from './atomic-file'
import { createJsonFile } from './json-file'
import type { SetupHow, SetupRecord } from './setup-record'

export const pinFileName = 'staff-pin.json'
/** Kept apart from the hash so a failed attempt never rewrites the file that holds the PIN. */
export const lockoutFileName = 'staff-pin-lockout.json'

/** 2^14 keeps a check well under 100 ms on a modest kiosk PC while costing an attacker dearly. */
const defaultCost = { N: 16_384, r: 8, p: 1, keyLength: 32 }

const hex = z.string().regex(/^(?:[0-9a-f]{2})+$/)
const pinFileSchema = z
  .strictObject({
    algorithm: z.literal('scrypt'),
    salt: hex,
    hash: hex,
    // Bounded so a tampered file cannot make every check take minutes or exhaust memory.
    N: z
      .number()
      .int()
      .min(1024)
      .max(1_048_576)
      .refine((n) => (n & (n - 1)) === 0, 'power-of-two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    keyLength: z.number().int().min(16).max(128),
  })
  .refine((file) => file.hash.length === file.keyLength * 2, {
    message: 'hash-length',
    path: ['hash'],
  })
type PinFile = z.infer<typeof pinFileSchema>

const lockoutFileSchema = z.strictObject({
  failedAttempts: z.number().int().min(0),
  lockedUntil: z.number().int().nullable(),
  /** Locks since the last right PIN, so the next one lasts longer; older files have none. */
  locks: z.number().int().min(0).default(0),
})
type Lockout = z.infer<typeof lockoutFileSchema>
const noFailures: Lockout = { failedAttempts: 0, lockedUntil: null, locks: 0 }

/**
 * 'not-set': this kiosk has never been set up. 'reset-needed': it has been, but its PIN file
 * is gone or damaged, so only IT can set a new PIN (`--reset-staff-pin`).
 */
export type PinState = 'set' | 'not-set' | 'reset-needed'

export interface PinStatus extends Lockout {
  state: PinState
}

export type PinRefusal = {
  ok: false
  reason: 'wrong' | 'locked' | Exclude<PinState, 'set'>
  attemptsLeft: number
  lockedUntil: number | null
}
export type VerifyResult = { ok: true } | PinRefusal
/** A new PIN that breaks the PIN rules: nothing was checked or changed. */
export type NewPinRefused = { ok: false; reason: 'new-pin-refused'; problems: FieldProblem[] }

function derive(pin: string, salt: Buffer, cost: typeof defaultCost): Promise<Buffer> {
  const options: ScryptOptions = {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    maxmem: 256 * cost.N * cost.r,
  }
  return new Promise((done, fail) =>
    scrypt(pin, salt, cost.keyLength, options, (error, key) => (error ? fail(error) : done(key))),
  )
}

function refusedNewPin(pin: string): NewPinRefused | null {
  const problems = newPinProblems(pin)
  return problems.length ? { ok: false, reason: 'new-pin-refused', problems } : null
}

/**
 * The staff PIN, stored only as a salted scrypt hash. There is no default PIN: it is chosen in
 * first-run setup. Every five wrong tries lock the pad, each lock twice as long as the one
 * before (up to a day) until a right PIN; the lock is on disk, so a restart does not lift it.
 * Once a kiosk has had a PIN (the setup record says so), a lost or damaged PIN file leaves
 * staff mode locked until IT sets a new one.
 */
export function createPinStore(options: { dir: string; setup: SetupRecord; now?: () => Date }) {
  const now = () => (options.now ? options.now() : new Date()).getTime()
  const clock = () => new Date(now())
  const pinFile = createJsonFile(join(options.dir, pinFileName), pinFileSchema, {
    name: pinFileName,
    now: clock,
  })
  const lockoutFile = createJsonFile(join(options.dir, lockoutFileName), lockoutFileSchema, {
    name: lockoutFileName,
    now: clock,
  })
  const exclusive = createQueue()
  let problems: Problem[] = []

  /** Any PIN file, even a damaged one, shows the kiosk was set up, so that is noted first. */
  async function readPin(): Promise<PinFile | null> {
    const result = await pinFile.read()
    if (result.ok) {
      await options.setup.markDone('pin-found')
      return result.value
    }
    if (result.reason !== 'missing') {
      problems = [
        ...problems,
        ...result.problems.map((p) => ({ ...p, fallback: 'pin-reset-needed' as const })),
      ]
      await options.setup.markDone('pin-found')
    }
    return null
  }

  async function stateWithout(): Promise<Exclude<PinState, 'set'>> {
    return (await options.setup.isDone()) ? 'reset-needed' : 'not-set'
  }

  /**
   * Reads the lockout; an expired lock gives five new tries but is still counted. A damaged
   * lockout file is not a reason to open the pad: it locks as after five wrong tries.
   */
  async function readLockout(): Promise<Lockout> {
    const result = await lockoutFile.read()
    if (!result.ok) {
      if (result.reason === 'missing') return noFailures
      problems = [
        ...problems,
        ...result.problems.map((p) => ({ ...p, fallback: 'locked-to-be-safe' as const })),
      ]
      const safe = {
        failedAttempts: pinPolicy.triesBeforeLock,
        lockedUntil: now() + lockDurationMs(1),
        locks: 1,
      }
      await lockoutFile.write(safe)
      return safe
    }
    const lockout = result.value
    if (lockout.lockedUntil !== null && lockout.lockedUntil <= now()) {
      return { failedAttempts: 0, lockedUntil: null, locks: lockout.locks }
    }
    return lockout
  }

  async function status(): Promise<PinStatus> {
    return exclusive(async () => {
      const lockout = await readLockout()
      const state = (await readPin()) ? 'set' : await stateWithout()
      return { state, ...lockout }
    })
  }

  async function check(pin: string): Promise<VerifyResult> {
    const lockout = await readLockout()
    if (lockout.lockedUntil !== null) {
      return { ok: false, reason: 'locked', attemptsLeft: 0, lockedUntil: lockout.lockedUntil }
    }
    const attemptsLeft = pinPolicy.triesBeforeLock - lockout.failedAttempts
    const stored = await readPin()
    if (!stored) return { ok: false, reason: await stateWithout(), attemptsLeft, lockedUntil: null }
    const expected = Buffer.from(stored.hash, 'hex')
    const actual = await derive(pin, Buffer.from(stored.salt, 'hex'), stored)
    if (timingSafeEqual(actual, expected)) {
      if (lockout.failedAttempts > 0 || lockout.locks > 0) await lockoutFile.write(noFailures)
      return { ok: true }
    }
    const failedAttempts = lockout.failedAttempts + 1
    if (failedAttempts < pinPolicy.triesBeforeLock) {
      await lockoutFile.write({ ...lockout, failedAttempts })
      return { ok: false, reason: 'wrong', attemptsLeft: attemptsLeft - 1, lockedUntil: null }
    }
    const locks = lockout.locks + 1
    const lockedUntil = now() + lockDurationMs(locks)
    await lockoutFile.write({ failedAttempts, lockedUntil, locks })
    return { ok: false, reason: 'locked', attemptsLeft: 0, lockedUntil }
  }

  function verify(pin: string): Promise<VerifyResult> {
    return exclusive(() => check(pin))
  }

  /** The setup record is written before the PIN, so a crash between the two fails closed. */
  async function writePin(pin: string, how: SetupHow): Promise<void> {
    const salt = randomBytes(16)
    const hash = await derive(pin, salt, defaultCost)
    await options.setup.markDone(how)
    await pinFile.write({
      algorithm: 'scrypt',
      salt: salt.toString('hex'),
      hash: hash.toString('hex'),
      ...defaultCost,
    })
  }

  /** First-run setup on the screen: only a kiosk that has never been set up may choose a PIN. */
  function setFirstPin(
    pin: string,
  ): Promise<{ ok: true } | NewPinRefused | { ok: false; reason: 'already-set' }> {
    return exclusive(async () => {
      const refused = refusedNewPin(pin)
      if (refused) return refused
      if ((await readPin()) !== null || (await options.setup.isDone())) {
        return { ok: false, reason: 'already-set' }
      }
      await writePin(pin, 'screen')
      return { ok: true }
    })
  }

  /** Changing the PIN passes the same check as signing in (and counts towards the lock). */
  function changePin(newPin: string, currentPin: string): Promise<VerifyResult | NewPinRefused> {
    return exclusive(async () => {
      const refused = refusedNewPin(newPin)
      if (refused) return refused
      const checked = await check(currentPin)
      if (!checked.ok) return checked
      await writePin(newPin, 'screen')
      return { ok: true }
    })
  }

  /** IT, on the computer itself: a new PIN whatever the old one was, and the lock lifted. */
  function resetPin(newPin: string, how: SetupHow): Promise<{ ok: true } | NewPinRefused> {
    return exclusive(async () => {
      const refused = refusedNewPin(newPin)
      if (refused) return refused
      await writePin(newPin, how)
      await lockoutFile.write(noFailures)
      return { ok: true }
    })
  }

  return { status, verify, setFirstPin, changePin, resetPin, problems: () => problems }
}
export type PinStore = ReturnType<typeof createPinStore>
