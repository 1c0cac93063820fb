import { z } from 'zod'
import { problemsFromZod, type FieldProblem } from './problem'

/**
 * The staff PIN rules. The backend enforces them; the PIN pad uses the same ones to say at
 * once what is wrong with a new PIN, and tests/unit/shared/pin-policy.test.ts works out from
 * them how long guessing a PIN at the pad would take.
 */
export const pinPolicy = {
  /** Wrong PINs in a row before the pad locks. */
  triesBeforeLock: 5,
  /** The first lock; each further lock before a right PIN lasts twice as long as the last. */
  firstLockMs: 5 * 60_000,
  longestLockMs: 24 * 60 * 60_000,
  newPinMinDigits: 6,
  maxDigits: 8,
  /** Kiosks set up before PINs needed 6 digits may still have a 4-digit one, which still signs in. */
  oldPinMinDigits: 4,
} as const

/**
 * How long the pad stays locked the `lockNumber`-th time (1, 2, …) since the last right PIN:
 * 5, 10, 20 … minutes, never more than 24 hours.
 */
export function lockDurationMs(lockNumber: number): number {
  const doublings = Math.max(0, lockNumber - 1)
  return Math.min(pinPolicy.longestLockMs, pinPolicy.firstLockMs * 2 ** doublings)
}

/**
 * The first PIN anyone tries: one digit repeated (000000) or a straight run up or down the
 * keys, 0 following 9 as on the pad (123456, 654321, 789012).
 */
export function isObviousPin(pin: string): boolean {
  const digits = [...pin].map(Number)
  const steps = new Set(digits.slice(1).map((digit, i) => (digit - digits[i]! + 10) % 10))
  return steps.size === 1 && [0, 1, 9].includes([...steps][0]!)
}

/** A PIN staff or IT may choose now. Each rule's id is what the renderer puts into words. */
export const newPinSchema = z
  .string()
  .regex(/^[0-9]*$/, 'pin-digits')
  .min(pinPolicy.newPinMinDigits, 'pin-too-short')
  .max(pinPolicy.maxDigits, 'pin-too-long')
  .refine((pin) => !isObviousPin(pin), 'pin-obvious')

/** What is wrong with a new PIN, as problems of `field`; none when it may be chosen. */
export function newPinProblems(pin: string, field = 'pin'): FieldProblem[] {
  const result = newPinSchema.safeParse(pin)
  return result.success ? [] : problemsFromZod(result.error).map((p) => ({ ...p, field }))
}
