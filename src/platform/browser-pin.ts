import { z } from 'zod'
import type { Problem } from '@shared/contract'
import { createQueue, readStored, writeStored, storageFullMessage } from './browser-storage'

export const pinStorageKey = 'kiosk.staff-pin'
/** Kept apart from the hash so a failed attempt never rewrites the value that holds the PIN. */
export const lockoutStorageKey = 'kiosk.staff-lockout'
export const maxAttempts = 5
export const lockMinutes = 5
const lockMs = lockMinutes * 60_000

/**
 * The Electron side hashes with scrypt, which WebCrypto does not offer; PBKDF2-SHA-256 at
 * OWASP's 210,000 iterations is the strongest PIN hash a browser can do without a library.
 */
const pbkdf2Iterations = 210_000
const saltBytes = 16
const hashBits = 256

const hex = z.string().regex(/^(?:[0-9a-f]{2})+$/)
const pinRecordSchema = z.strictObject({
  algorithm: z.literal('PBKDF2-SHA-256'),
  // Bounded so a tampered value can neither weaken the hash nor make each check take minutes.
  iterations: z.number().int().min(pbkdf2Iterations).max(5_000_000),
  salt: hex.min(saltBytes * 2),
  hash: hex.length(hashBits / 4),
})
type PinRecord = z.infer<typeof pinRecordSchema>

const lockoutSchema = z.strictObject({
  failedAttempts: z.number().int().min(0),
  lockedUntil: z.number().int().nullable(),
})
type Lockout = z.infer<typeof lockoutSchema>
const noFailures: Lockout = { failedAttempts: 0, lockedUntil: null }

export interface PinStatus {
  isSet: boolean
  failedAttempts: number
  lockedUntil: number | null
}

export type PinRefusal = {
  ok: false
  /** 'not-set': no PIN has been chosen yet, so staff must set one first. */
  reason: 'wrong' | 'locked' | 'not-set'
  attemptsLeft: number
  lockedUntil: number | null
  message: string
  /** True only on the wrong try that started the lock, so it is logged once. */
  newlyLocked: boolean
}
export type VerifyResult = { ok: true } | PinRefusal
export type SetPinResult =
  | { ok: true; first: boolean }
  | { ok: false; reason: 'invalid' | 'current-required' | 'not-saved'; message: string }
  | PinRefusal

/** Plain-words reason a PIN is not acceptable, or null when it is. */
export function pinFormatProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'The PIN must be made of digits only (0 to 9).'
  if (pin.length < 4 || pin.length > 8) return 'The PIN must be 4 to 8 digits long.'
  return null
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

function fromHex(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

/** Looks at every byte whatever it finds, so the time taken says nothing about the PIN. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return difference === 0
}

/**
 * The staff PIN for the browser kiosk, stored only as a salted PBKDF2 hash in localStorage.
 * There is no default PIN. Five wrong tries lock the pad for five minutes, and the lock is in
 * localStorage too, so reloading the page does not give new tries.
 */
export function createBrowserPin(storage: Storage, options: { now: () => number; crypto: Crypto }) {
  const { now, crypto } = options
  const exclusive = createQueue()
  let problems: Problem[] = []

  /** Reads happen on every status check, so the same damaged value is reported once. */
  function report(found: Problem[]): void {
    const line = (p: Problem) => `${p.file}|${p.field}|${p.message}`
    const seen = new Set(problems.map(line))
    problems = [...problems, ...found.filter((p) => !seen.has(line(p)))]
  }

  async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
    // Browsers hide WebCrypto on plain http:// pages other than localhost.
    if (!crypto?.subtle) {
      throw new Error(
        'Staff mode needs the kiosk page to be opened over https:// or from localhost.',
      )
    }
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(pin),
      'PBKDF2',
      false,
      ['deriveBits'],
    )
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      key,
      hashBits,
    )
    return new Uint8Array(bits)
  }

  function readPin(): PinRecord | null {
    const read = readStored(storage, pinStorageKey, pinRecordSchema)
    if (read.ok) return read.value
    if (read.reason === 'invalid') {
      report(
        read.problems.map((p) => ({
          file: pinStorageKey,
          field: p.field,
          message: `The saved staff PIN could not be read, so a new PIN must be set: ${p.message}`,
        })),
      )
    }
    return null
  }

  /** An expired lock is a fresh start with five new tries. */
  function readLockout(): Lockout {
    const read = readStored(storage, lockoutStorageKey, lockoutSchema)
    if (!read.ok) {
      if (read.reason === 'invalid') {
        report(read.problems.map((p) => ({ file: lockoutStorageKey, ...p })))
      }
      return noFailures
    }
    const { lockedUntil } = read.value
    if (lockedUntil !== null && lockedUntil <= now()) return noFailures
    return read.value
  }

  function lockedMessage(lockedUntil: number): string {
    const minutes = Math.max(1, Math.ceil((lockedUntil - now()) / 60_000))
    return `Too many wrong PINs. The pad is locked for ${minutes} minute${minutes === 1 ? '' : 's'}.`
  }

  function locked(lockedUntil: number, newlyLocked: boolean): PinRefusal {
    return {
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
      lockedUntil,
      message: lockedMessage(lockedUntil),
      newlyLocked,
    }
  }

  function status(): PinStatus {
    return { isSet: readPin() !== null, ...readLockout() }
  }

  async function check(pin: string): Promise<VerifyResult> {
    const lockout = readLockout()
    if (lockout.lockedUntil !== null) return locked(lockout.lockedUntil, false)
    const stored = readPin()
    if (!stored) {
      return {
        ok: false,
        reason: 'not-set',
        attemptsLeft: maxAttempts,
        lockedUntil: null,
        message: 'No staff PIN has been set yet. Set a PIN first.',
        newlyLocked: false,
      }
    }
    const actual = await derive(pin, fromHex(stored.salt), stored.iterations)
    if (sameBytes(actual, fromHex(stored.hash))) {
      if (lockout.failedAttempts > 0) writeStored(storage, lockoutStorageKey, noFailures)
      return { ok: true }
    }
    const failedAttempts = lockout.failedAttempts + 1
    const lockedUntil = failedAttempts >= maxAttempts ? now() + lockMs : null
    // If this write fails the try is still refused; the count simply cannot grow, which is
    // no weaker than a browser where someone can clear localStorage anyway.
    writeStored(storage, lockoutStorageKey, { failedAttempts, lockedUntil })
    if (lockedUntil !== null) return locked(lockedUntil, true)
    const attemptsLeft = maxAttempts - failedAttempts
    return {
      ok: false,
      reason: 'wrong',
      attemptsLeft,
      lockedUntil: null,
      message: `That PIN is not right. ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left.`,
      newlyLocked: false,
    }
  }

  function verify(pin: string): Promise<VerifyResult> {
    return exclusive(() => check(pin))
  }

  /**
   * Sets the first PIN, or changes it. A change must pass the same check as signing in (and
   * counts towards the lock), so it cannot be used to guess the PIN.
   */
  function setPin(newPin: string, currentPin?: string): Promise<SetPinResult> {
    return exclusive(async () => {
      const formatProblem = pinFormatProblem(newPin)
      if (formatProblem) return { ok: false, reason: 'invalid', message: formatProblem }
      const first = readPin() === null
      if (!first) {
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
      const salt = crypto.getRandomValues(new Uint8Array(saltBytes))
      const hash = await derive(newPin, salt, pbkdf2Iterations)
      const record: PinRecord = {
        algorithm: 'PBKDF2-SHA-256',
        iterations: pbkdf2Iterations,
        salt: toHex(salt),
        hash: toHex(hash),
      }
      if (!writeStored(storage, pinStorageKey, record)) {
        return { ok: false, reason: 'not-saved', message: storageFullMessage }
      }
      // A damaged PIN value that was just replaced is no longer a problem to show.
      problems = problems.filter((p) => p.file !== pinStorageKey)
      return { ok: true, first }
    })
  }

  return { status, verify, setPin, problems: () => problems }
}
export type BrowserPin = ReturnType<typeof createBrowserPin>
