import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Problem } from '../shared/contract'
import { createQueue, moveAside, readJsonFile, writeFileAtomic } from './atomic-file'

export const pinFileName = 'staff-pin.json'
/** Kept apart from the hash so a failed attempt never rewrites the file that holds the PIN. */
export const lockoutFileName = 'staff-pin-lockout.json'
export const maxAttempts = 5
export const lockMinutes = 5
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
      .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    keyLength: z.number().int().min(16).max(128),
  })
  .refine((file) => file.hash.length === file.keyLength * 2, {
    message: 'the hash length does not match keyLength',
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
      message: string
    }

export type SetPinResult =
  | { ok: true }
  | { ok: false; reason: 'invalid' | 'current-required'; message: string }
  | Exclude<VerifyResult, { ok: true }>

/** Plain-words reason a PIN is not acceptable, or null when it is. */
export function pinFormatProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'The PIN must be made of digits only (0 to 9).'
  if (pin.length < 4 || pin.length > 8) return 'The PIN must be 4 to 8 digits long.'
  return null
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
  const pinFile = join(options.dir, pinFileName)
  const lockoutFile = join(options.dir, lockoutFileName)
  const now = () => (options.now ? options.now() : new Date()).getTime()
  const exclusive = createQueue()
  let problems: Problem[] = []

  async function report(file: string, name: string, found: Problem[]): Promise<void> {
    const aside = await moveAside(file, new Date(now()))
    problems = [
      ...problems,
      ...found.map((p) => ({ ...p, file: name, message: `${p.message} (moved to ${aside})` })),
    ]
  }

  async function readPin(): Promise<PinFile | null> {
    const result = await readJsonFile(pinFile, pinFileSchema)
    if (result.ok) return result.value
    if (result.reason !== 'missing') {
      await report(
        pinFile,
        pinFileName,
        result.problems.map((p) => ({
          file: pinFileName,
          field: p.field,
          message: `The saved staff PIN could not be read, so a new PIN must be set: ${p.message}`,
        })),
      )
    }
    return null
  }

  /** Reads the lockout, treating an expired lock as a fresh start with five new tries. */
  async function readLockout(): Promise<Lockout> {
    const result = await readJsonFile(lockoutFile, lockoutFileSchema)
    if (!result.ok) {
      if (result.reason !== 'missing') {
        await report(
          lockoutFile,
          lockoutFileName,
          result.problems.map((p) => ({ file: lockoutFileName, ...p })),
        )
      }
      return noFailures
    }
    const { lockedUntil } = result.value
    if (lockedUntil !== null && lockedUntil <= now()) return noFailures
    return result.value
  }

  async function writeJson(file: string, value: unknown): Promise<void> {
    await mkdir(options.dir, { recursive: true })
    await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`)
  }

  function lockedMessage(lockedUntil: number): string {
    const minutes = Math.max(1, Math.ceil((lockedUntil - now()) / 60_000))
    return `Too many wrong PINs. Staff mode is locked; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
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
      return {
        ok: false,
        reason: 'locked',
        attemptsLeft: 0,
        lockedUntil: lockout.lockedUntil,
        message: lockedMessage(lockout.lockedUntil),
      }
    }
    const stored = await readPin()
    if (!stored) {
      return {
        ok: false,
        reason: 'not-set',
        attemptsLeft: maxAttempts,
        lockedUntil: null,
        message: 'No staff PIN has been set yet.',
      }
    }
    const expected = Buffer.from(stored.hash, 'hex')
    const actual = await derive(pin, Buffer.from(stored.salt, 'hex'), stored)
    if (timingSafeEqual(actual, expected)) {
      if (lockout.failedAttempts > 0) await writeJson(lockoutFile, noFailures)
      return { ok: true }
    }
    const failedAttempts = lockout.failedAttempts + 1
    const lockedUntil = failedAttempts >= maxAttempts ? now() + lockMs : null
    await writeJson(lockoutFile, { failedAttempts, lockedUntil })
    if (lockedUntil !== null) {
      return {
        ok: false,
        reason: 'locked',
        attemptsLeft: 0,
        lockedUntil,
        message: lockedMessage(lockedUntil),
      }
    }
    const attemptsLeft = maxAttempts - failedAttempts
    return {
      ok: false,
      reason: 'wrong',
      attemptsLeft,
      lockedUntil: null,
      message: `That PIN is not right. ${attemptsLeft} tr${attemptsLeft === 1 ? 'y' : 'ies'} left before staff mode locks for ${lockMinutes} minutes.`,
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
      const formatProblem = pinFormatProblem(newPin)
      if (formatProblem) return { ok: false, reason: 'invalid', message: formatProblem }
      if ((await readPin()) !== null) {
        if (currentPin === undefined || currentPin === '') {
          return {
            ok: false,
            reason: 'current-required',
            message: 'Enter the current PIN to change it.',
          }
        }
        const checked = await check(currentPin)
        if (!checked.ok) return checked
      }
      const salt = randomBytes(16)
      const hash = await derive(newPin, salt, defaultCost)
      const file: PinFile = {
        algorithm: 'scrypt',
        salt: salt.toString('hex'),
        hash: hash.toString('hex'),
        ...defaultCost,
      }
      await writeJson(pinFile, file)
      return { ok: true }
    })
  }

  return { status, verify, setPin, problems: () => problems }
}
export type PinStore = ReturnType<typeof createPinStore>
