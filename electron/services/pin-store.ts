import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import type { Problem } from '../shared/problem'
import { createQueue } from './atomic-file'
import { createJsonFile } from './json-file'

export const pinFileName = 'staff-pin.json'
/** Kept apart from the hash so a failed attempt never rewrites the file that holds the PIN. */
export const lockoutFileName = 'staff-pin-lockout.json'
export const maxAttempts = 5
const lockMinutes = 5
const lockMs = lockMinutes * 60_000

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
})
type Lockout = z.infer<typeof lockoutFileSchema>
const noFailures: Lockout = { failedAttempts: 0, lockedUntil: null }

export interface PinStatus {
  isSet: boolean
  lockedUntil: number | null
  failedAttempts: number
}

export type VerifyResult =
  | { ok: true }
  | {
      ok: false
      /** 'not-set': no PIN has been chosen yet, so staff must set one first. */
      reason: 'wrong' | 'locked' | 'not-set'
      attemptsLeft: number
      lockedUntil: number | null
    }

export type SetPinResult =
  | { ok: true }
  | { ok: false; reason: 'invalid-format' | 'current-required' }
  | Exclude<VerifyResult, { ok: true }>

/** Whether a PIN has an acceptable shape: 4 to 8 digits. */
function isPinFormatValid(pin: string): boolean {
  return /^\d{4,8}$/.test(pin)
}

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

/**
 * The staff PIN, stored only as a salted scrypt hash. There is no default PIN: until staff
 * choose one, `status().isSet` is false. Five wrong tries lock staff mode for five minutes,
 * and the lock is on disk so restarting the app does not reset it.
 */
export function createPinStore(options: { dir: string; now?: () => Date }) {
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

  async function readPin(): Promise<PinFile | null> {
    const result = await pinFile.read()
    if (result.ok) return result.value
    if (result.reason !== 'missing') {
      problems = [
        ...problems,
        ...result.problems.map((p) => ({ ...p, fallback: 'new-pin-needed' as const })),
      ]
    }
    return null
  }

  /** Reads the lockout, treating an expired lock as a fresh start with five new tries. */
  async function readLockout(): Promise<Lockout> {
    const result = await lockoutFile.read()
    if (!result.ok) {
      if (result.reason !== 'missing') problems = [...problems, ...result.problems]
      return noFailures
    }
    const { lockedUntil } = result.value
    if (lockedUntil !== null && lockedUntil <= now()) return noFailures
    return result.value
  }

  async function status(): Promise<PinStatus> {
    return exclusive(async () => {
      const lockout = await readLockout()
      return { isSet: (await readPin()) !== null, ...lockout }
    })
  }

  async function check(pin: string): Promise<VerifyResult> {
    const lockout = await readLockout()
    if (lockout.lockedUntil !== null) {
      return { ok: false, reason: 'locked', attemptsLeft: 0, lockedUntil: lockout.lockedUntil }
    }
    const stored = await readPin()
    if (!stored)
      return { ok: false, reason: 'not-set', attemptsLeft: maxAttempts, lockedUntil: null }
    const expected = Buffer.from(stored.hash, 'hex')
    const actual = await derive(pin, Buffer.from(stored.salt, 'hex'), stored)
    if (timingSafeEqual(actual, expected)) {
      if (lockout.failedAttempts > 0) await lockoutFile.write(noFailures)
      return { ok: true }
    }
    const failedAttempts = lockout.failedAttempts + 1
    const lockedUntil = failedAttempts >= maxAttempts ? now() + lockMs : null
    await lockoutFile.write({ failedAttempts, lockedUntil })
    if (lockedUntil !== null) return { ok: false, reason: 'locked', attemptsLeft: 0, lockedUntil }
    return {
      ok: false,
      reason: 'wrong',
      attemptsLeft: maxAttempts - failedAttempts,
      lockedUntil: null,
    }
  }

  function verify(pin: string): Promise<VerifyResult> {
    return exclusive(() => check(pin))
  }

  /**
   * Sets the first PIN, or changes it. A change must pass the same check as signing in
   * (and counts towards the lock), so it cannot be used to guess the PIN.
   */
  function setPin(newPin: string, currentPin?: string): Promise<SetPinResult> {
    return exclusive(async () => {
      if (!isPinFormatValid(newPin)) return { ok: false, reason: 'invalid-format' }
      if ((await readPin()) !== null) {
        if (currentPin === undefined || currentPin === '') {
          return { ok: false, reason: 'current-required' }
        }
        const checked = await check(currentPin)
        if (!checked.ok) return checked
      }
      const salt = randomBytes(16)
      const hash = await derive(newPin, salt, defaultCost)
      await pinFile.write({
        algorithm: 'scrypt',
        salt: salt.toString('hex'),
        hash: hash.toString('hex'),
        ...defaultCost,
      })
      return { ok: true }
    })
  }

  return { status, verify, setPin, problems: () => problems }
}
export type PinStore = ReturnType<typeof createPinStore>
