import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditFileName } from '../../../../electron/services/audit-log'
import {
  auditTrail,
  createTestKiosk,
  kioskWithPin,
  refusal,
  signedInKiosk,
  staffPin as pin,
  trustedCaller,
  useUserDataFolder,
  useTestClock,
} from '../kiosk-fixture'

const minute = 60_000
const folder = useUserDataFolder('kiosk-sign-in-')
const clock = useTestClock()
const now = clock.now
const kiosk = () => createTestKiosk(folder(), { now })

describe('the first PIN', () => {
  it('on first run lets anyone set the PIN, and signs them in', async () => {
    const setUp = kiosk()
    const { api } = setUp
    expect(await api.staffStatus()).toEqual({
      pinSet: false,
      signedIn: false,
      lockedUntil: null,
      attemptsLeft: 5,
    })
    expect(await api.staffSignIn({ pin })).toEqual({
      ok: false,
      reason: 'not-set',
      attemptsLeft: 5,
      lockedUntil: null,
    })
    expect(await api.staffSetFirstPin({ pin: '12' })).toEqual({
      ok: false,
      reason: 'invalid-format',
    })
    expect(await api.staffStatus()).toMatchObject({ pinSet: false, signedIn: false })
    expect(await api.staffSetFirstPin({ pin })).toEqual({ ok: true })
    expect(await api.staffStatus()).toMatchObject({ pinSet: true, signedIn: true })
    expect(await auditTrail(setUp)).toEqual([['pin-changed', 'first PIN set']])
  })

  it('is refused once a PIN is set, and neither replaces the PIN nor signs in', async () => {
    const setUp = await kioskWithPin(folder(), { now })
    const { api } = setUp
    expect(await api.staffSetFirstPin({ pin: '1111' })).toEqual({
      ok: false,
      reason: 'already-set',
    })
    expect(await api.staffStatus()).toMatchObject({ pinSet: true, signedIn: false })
    expect(await api.staffSignIn({ pin: '1111' })).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await api.staffSignIn({ pin })).toEqual({ ok: true })
  })
})

describe('changing the PIN', () => {
  it('needs a session, and the right current PIN', async () => {
    const setUp = await kioskWithPin(folder(), { now })
    const { api, invoke } = setUp
    await expect(api.staffChangePin({ pin: '1111', currentPin: pin })).rejects.toEqual(
      refusal('sign-in-required'),
    )

    expect(await api.staffSignIn({ pin })).toEqual({ ok: true })
    await expect(invoke('staffChangePin', [{ pin: '1111' }], trustedCaller)).rejects.toEqual(
      refusal('invalid-arguments'),
    )
    expect(await api.staffChangePin({ pin: '1111', currentPin: '9999' })).toEqual({
      ok: false,
      reason: 'wrong',
      attemptsLeft: 4,
      lockedUntil: null,
    })
    // A new PIN of the wrong shape checks nothing, so it costs no try.
    expect(await api.staffChangePin({ pin: '11a1', currentPin: '9999' })).toEqual({
      ok: false,
      reason: 'invalid-format',
    })
    expect(await api.staffStatus()).toMatchObject({ attemptsLeft: 4 })

    expect(await api.staffChangePin({ pin: '1111', currentPin: pin })).toEqual({ ok: true })
    await api.staffSignOut()
    expect(await api.staffSignIn({ pin })).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await api.staffSignIn({ pin: '1111' })).toEqual({ ok: true })
    expect((await auditTrail(setUp)).filter(([event]) => event === 'pin-changed')).toEqual([
      ['pin-changed', undefined],
    ])
  })

  it('ends the session when the current PIN is guessed wrong until the pad locks', async () => {
    const setUp = await signedInKiosk(folder(), { now })
    const { api } = setUp
    for (let i = 0; i < 4; i++) {
      expect(await api.staffChangePin({ pin: '1111', currentPin: '0000' })).toMatchObject({
        reason: 'wrong',
      })
    }
    expect(await api.staffStatus()).toMatchObject({ signedIn: true })
    expect(await api.staffChangePin({ pin: '1111', currentPin: '0000' })).toEqual({
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
      lockedUntil: clock.at + 5 * minute,
    })
    expect(await api.staffStatus()).toMatchObject({ signedIn: false, attemptsLeft: 0 })
    await expect(api.staffHistory()).rejects.toEqual(refusal('sign-in-required'))
    expect((await auditTrail(setUp)).slice(-2)).toEqual([
      ['sign-in-failed', 'changing the PIN: wrong PIN, 1 left'],
      ['locked', 'changing the PIN: too many wrong PINs'],
    ])
  })
})

describe('signing in', () => {
  it('locks after five wrong PINs, and the lock survives a restart', async () => {
    const setUp = await kioskWithPin(folder(), { now })
    const { api } = setUp
    const refusals = []
    for (let i = 0; i < 5; i++) refusals.push(await api.staffSignIn({ pin: '0000' }))
    const lockedUntil = clock.at + 5 * minute
    expect(refusals).toEqual([
      { ok: false, reason: 'wrong', attemptsLeft: 4, lockedUntil: null },
      { ok: false, reason: 'wrong', attemptsLeft: 3, lockedUntil: null },
      { ok: false, reason: 'wrong', attemptsLeft: 2, lockedUntil: null },
      { ok: false, reason: 'wrong', attemptsLeft: 1, lockedUntil: null },
      { ok: false, reason: 'locked', attemptsLeft: 0, lockedUntil },
    ])
    expect(await api.staffStatus()).toEqual({
      pinSet: true,
      signedIn: false,
      lockedUntil,
      attemptsLeft: 0,
    })
    expect(await api.staffSignIn({ pin })).toMatchObject({ ok: false, reason: 'locked' })

    const restarted = kiosk().api
    expect(await restarted.staffStatus()).toMatchObject({ lockedUntil, signedIn: false })
    clock.advance(2 * minute)
    // Still the same lock: trying the right PIN while locked does not extend it.
    expect(await restarted.staffSignIn({ pin })).toEqual({
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
      lockedUntil,
    })
    clock.advance(3 * minute)
    expect(await restarted.staffSignIn({ pin })).toEqual({ ok: true })
    expect(await restarted.staffStatus()).toMatchObject({ signedIn: true, attemptsLeft: 5 })
  })

  it('audits sign-in, failed sign-in, the lock and sign-out, never the PIN', async () => {
    const setUp = await kioskWithPin(folder(), { now })
    const { api, log } = setUp
    await api.staffSignIn({ pin: '0000' })
    await api.staffSignIn({ pin })
    await api.staffSignOut()
    for (let i = 0; i < 5; i++) await api.staffSignIn({ pin: '0000' })
    await api.staffSignIn({ pin: '0000' })

    clock.advance(5 * minute)
    await api.staffSignIn({ pin })
    expect(await auditTrail(setUp)).toEqual([
      ['sign-in-failed', 'signing in: wrong PIN, 4 left'],
      ['sign-in', undefined],
      ['sign-out', undefined],
      ['sign-in-failed', 'signing in: wrong PIN, 4 left'],
      ['sign-in-failed', 'signing in: wrong PIN, 3 left'],
      ['sign-in-failed', 'signing in: wrong PIN, 2 left'],
      ['sign-in-failed', 'signing in: wrong PIN, 1 left'],
      ['locked', 'signing in: too many wrong PINs'],
      ['sign-in-failed', 'signing in: the PIN pad was locked'],
      ['sign-in', undefined],
    ])
    const auditText = await readFile(join(folder(), auditFileName), 'utf8')
    expect(auditText).not.toContain(pin)
    expect(auditText).not.toContain('0000')
    expect(log.lines.join('\n')).not.toContain(pin)
  })

  it('signs out only a signed-in session, and audits only that', async () => {
    const setUp = await kioskWithPin(folder(), { now })
    const { api } = setUp
    await api.staffSignOut()
    expect(await readFile(join(folder(), auditFileName), 'utf8').catch(() => '')).toBe('')
    await api.staffSignIn({ pin })
    await api.staffSignOut()
    await api.staffSignOut()
    expect(await api.staffStatus()).toMatchObject({ signedIn: false })
    await api.staffSignIn({ pin })
    expect(await auditTrail(setUp)).toEqual([
      ['sign-in', undefined],
      ['sign-out', undefined],
      ['sign-in', undefined],
    ])
  })
})
