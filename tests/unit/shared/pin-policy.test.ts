import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  isObviousPin,
  lockDurationMs,
  newPinProblems,
  pinPolicy,
} from '../../../electron/shared/pin-policy'

const minute = 60_000
const year = 365.25 * 24 * 60 * minute

/** Every PIN of the shortest length new PINs may have that the rules allow. */
function allowedShortestPins(): number {
  let allowed = 0
  const length = pinPolicy.newPinMinDigits
  for (let n = 0; n < 10 ** length; n++) {
    if (!isObviousPin(String(n).padStart(length, '0'))) allowed += 1
  }
  return allowed
}

/**
 * The time a person at the PIN pad needs, at best, to try `guesses` different PINs: every
 * `triesBeforeLock` wrong tries the pad locks, each lock longer than the last, and no right
 * PIN in between starts the escalation again. Typing takes no time here, so this is a floor.
 */
function timeToTry(guesses: number): number {
  const locksBefore = Math.floor((guesses - 1) / pinPolicy.triesBeforeLock)
  let total = 0
  for (let lock = 1; lock <= locksBefore; lock++) total += lockDurationMs(lock)
  return total
}

describe('the staff PIN policy', () => {
  it('locks 5, 10, 20 … minutes, doubling, and never longer than 24 hours', () => {
    expect([1, 2, 3, 4, 9, 10, 11, 1000].map((n) => lockDurationMs(n) / minute)).toEqual([
      5, 10, 20, 40, 1280, 1440, 1440, 1440,
    ])
  })

  it('refuses one digit repeated and straight runs up or down, and nothing else of that length', () => {
    for (const pin of ['000000', '999999', '123456', '234567', '654321', '789012', '21098765'])
      expect(isObviousPin(pin), pin).toBe(true)
    for (const pin of ['482615', '112233', '135790', '123455', '246802'])
      expect(isObviousPin(pin), pin).toBe(false)
    expect(allowedShortestPins()).toBe(10 ** 6 - 30)
  })

  it('needs at least 6 digits, at most 8, digits only', () => {
    expect(newPinProblems('482615')).toEqual([])
    expect(newPinProblems('48261')[0]).toMatchObject({
      field: 'pin',
      params: { rule: 'pin-too-short', minimum: 6 },
    })
    expect(newPinProblems('482615391')[0]).toMatchObject({ params: { rule: 'pin-too-long' } })
    expect(newPinProblems('4826a5')[0]).toMatchObject({ params: { rule: 'pin-digits' } })
  })

  it('makes guessing the shortest allowed PIN at the pad, with even odds, take over 10 years; docs/ say how long', () => {
    const half = Math.ceil(allowedShortestPins() / 2)
    const years = timeToTry(half) / year
    expect(years).toBeGreaterThan(10)
    // 499,985 guesses: 99,996 locks, all but the first nine a full day.
    expect(Math.round(years)).toBe(274)
    const guide = readFileSync(new URL('../../../docs/deployment.md', import.meta.url), 'utf8')
    expect(guide).toContain(`about ${Math.round(years)} years`)
  })
})
