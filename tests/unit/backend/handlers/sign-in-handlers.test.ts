import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditFileName } from '../../../../electron/services/audit-log'
import { pinFileName } from '../../../../electron/services/pin-store'
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
  writeOldPinFile,
} from '../kiosk-fixture'

const minute = 60_000
const folder = useUserDataFolder('kiosk-sign-in-')
const clock = useTestClock()
const now = clock.now
const kiosk = () => createTestKiosk(folder(), { now })
/** The audit trail after setup, which every kiosk here went through first. */
const afterSetup = async (setUp: Parameters<typeof auditTrail>[0]) =>
  (await auditTrail(setUp)).filter(([event]) => event !== 'setup')

describe('staff access on a kiosk never set up', () => {
  it('has no PIN to sign in with, and no staff-open way to choose one', async () => {
    const { api } = kiosk()
    expect(await api.staffStatus()).toEqual({
      pin: 'not-set',
      signedIn: false,
      changeAdvised: false,
      lockedUntil: null,
      attemptsLeft: 5,
    })
    expect(await api.staffSignIn({ pin })).toEqual({
      ok: false,
      reason: 'not-set',
      attemptsLeft: 5,
      lockedUntil: null,
    })
    expect('staffSetFirstPin' in api).toBe(false)
  })
})

describe('a damaged or missing PIN file', () => {
  it('leaves staff mode locked for IT after a restart: no PIN opens it, none can be chosen', async () => {
    const setUp = await kioskWithPin(folder(), { now })
    await writeFile(join(folder(), pinFileName), 'garbage')
    const restarted = createTestKiosk(folder(), { now })
    expect(await restarted.api.staffStatus()).toMatchObject({
      pin: 'reset-needed',
      signedIn: false,
    })
    expect(await restarted.api.staffSignIn({ pin })).toMatchObject({
      ok: false,
      reason: 'reset-needed',
    })
    expect(await restarted.api.getSetupStatus()).toEqual({ needed: false })
    await expect(
      restarted.api.completeSetup({ clinicName: 'Taken over', staffPin: '739152' }),
    ).rejects.toEqual(refusal('setup-done'))
    expect((await auditTrail(setUp)).at(-1)).toEqual([
      'sign-in-failed',
      'signing in: the PIN file is missing or damaged: IT must reset the PIN',
    ])
  })

  it('opens again with the PIN IT sets on the computer, which is audited', async () => {
    await kioskWithPin(folder(), { now })
    await writeFile(join(folder(), pinFileName), 'garbage')
    const restarted = createTestKiosk(folder(), { now })
    expect(await restarted.setup.resetPin('739152')).toEqual({ ok: true })
    expect(await restarted.api.staffStatus()).toMatchObject({ pin: 'set' })
    expect(await restarted.api.staffSignIn({ pin: '739152' })).toEqual({ ok: true })
    expect((await auditTrail(restarted)).slice(-2)).toEqual([
      ['pin-reset', 'by IT on the computer'],
      ['sign-in', undefined],
    ])
  })
})

describe('a PIN from before the 6-digit rule', () => {
  it('still signs in, and staff mode asks to change it until it is changed', async () => {
    await writeOldPinFile(folder(), '4826')
    const { api } = kiosk()
    expect(await api.staffSignIn({ pin: '4826' })).toEqual({ ok: true })
    expect(await api.staffStatus()).toMatchObject({ signedIn: true, changeAdvised: true })
    expect(await api.staffChangePin({ pin: '4827', currentPin: '4826' })).toMatchObject({
      ok: false,
      problems: [{ field: 'pin', params: { rule: 'pin-too-short', minimum: 6 } }],
    })
    expect(await api.staffChangePin({ pin, currentPin: '4826' })).toEqual({ ok: true })
    expect(await api.staffStatus()).toMatchObject({ changeAdvised: false })
    await api.staffSignOut()
    expect(await api.staffSignIn({ pin })).toEqual({ ok: true })
    expect(await api.staffStatus()).toMatchObject({ changeAdvised: false })
  })
})

describe('changing the PIN', () => {
  it('needs a session, and the right current PIN', async () => {
    const setUp = await kioskWithPin(folder(), { now })
    const { api, invoke } = setUp
    await expect(api.staffChangePin({ pin: '739152', currentPin: pin })).rejects.toEqual(
      refusal('sign-in-required'),
    )

    expect(await api.staffSignIn({ pin })).toEqual({ ok: true })
    await expect(invoke('staffChangePin', [{ pin: '739152' }], trustedCaller)).rejects.toEqual(
      refusal('invalid-arguments'),
    )
    expect(await api.staffChangePin({ pin: '739152', currentPin: '999999' })).toEqual({
      ok: false,
      reason: 'wrong',
      attemptsLeft: 4,
      lockedUntil: null,
    })
    // A new PIN that breaks the rules checks nothing, so it costs no try.
    expect(await api.staffChangePin({ pin: '111111', currentPin: '999999' })).toEqual({
      ok: false,
      problems: [{ field: 'pin', code: 'invalid', params: { rule: 'pin-obvious' } }],
    })
    expect(await api.staffStatus()).toMatchObject({ attemptsLeft: 4 })

    expect(await api.staffChangePin({ pin: '739152', currentPin: pin })).toEqual({ ok: true })
    await api.staffSignOut()
    expect(await api.staffSignIn({ pin })).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await api.staffSignIn({ pin: '739152' })).toEqual({ ok: true })
    expect((await auditTrail(setUp)).filter(([event]) => event === 'pin-changed')).toEqual([
      ['pin-changed', undefined],
    ])
  })

  it('ends the session when the current PIN is guessed wrong until the pad locks', async () => {
    const setUp = await signedInKiosk(folder(), { now })
    const { api } = setUp
    for (let i = 0; i < 4; i++) {
      expect(await api.staffChangePin({ pin: '739152', currentPin: '000001' })).toMatchObject({
        reason: 'wrong',
      })
    }
    expect(await api.staffStatus()).toMatchObject({ signedIn: true })
    expect(await api.staffChangePin({ pin: '739152', currentPin: '000001' })).toEqual({
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
      lockedUntil: clock.at + 5 * minute,
    })
    expect(await api.staffStatus()).toMatchObject({ signedIn: false, attemptsLeft: 0 })
    await expect(api.staffHistory()).rejects.toEqual(refusal('sign-in-required'))
    expect((await auditTrail(setUp)).slice(-3)).toEqual([
      ['sign-in-failed', 'changing the PIN: wrong PIN, 1 left'],
      ['sign-in-failed', 'changing the PIN: wrong PIN, 0 left'],
      ['locked', 'changing the PIN: lock 1 since the last right PIN, 5 min'],
    ])
  })
})

describe('signing in', () => {
  it('locks after five wrong PINs, and the lock survives a restart; the right PIN meanwhile is refused', async () => {
    const { api } = await kioskWithPin(folder(), { now })
    const refusals = []
    for (let i = 0; i < 5; i++) refusals.push(await api.staffSignIn({ pin: '000001' }))
    const lockedUntil = clock.at + 5 * minute
    expect(refusals).toEqual([
      { ok: false, reason: 'wrong', attemptsLeft: 4, lockedUntil: null },
      { ok: false, reason: 'wrong', attemptsLeft: 3, lockedUntil: null },
      { ok: false, reason: 'wrong', attemptsLeft: 2, lockedUntil: null },
      { ok: false, reason: 'wrong', attemptsLeft: 1, lockedUntil: null },
      { ok: false, reason: 'locked', attemptsLeft: 0, lockedUntil },
    ])
    expect(await api.staffStatus()).toEqual({
      pin: 'set',
      signedIn: false,
      changeAdvised: false,
      lockedUntil,
      attemptsLeft: 0,
    })
    expect(await api.staffSignIn({ pin })).toMatchObject({ ok: false, reason: 'locked' })

    const restarted = kiosk().api
    expect(await restarted.staffStatus()).toMatchObject({ lockedUntil, signedIn: false })
    clock.advance(2 * minute)
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

  it('locks for twice as long the next time, until a right PIN', async () => {
    const { api } = await kioskWithPin(folder(), { now })
    for (let i = 0; i < 5; i++) await api.staffSignIn({ pin: '000001' })
    clock.advance(5 * minute)
    let last
    for (let i = 0; i < 5; i++) last = await api.staffSignIn({ pin: '000001' })
    expect(last).toMatchObject({ reason: 'locked', lockedUntil: clock.at + 10 * minute })
  })

  it('audits sign-in, every failed PIN, each lock and sign-out, never the PIN', async () => {
    const setUp = await kioskWithPin(folder(), { now })
    const { api, log } = setUp
    await api.staffSignIn({ pin: '000001' })
    await api.staffSignIn({ pin })
    await api.staffSignOut()
    for (let i = 0; i < 5; i++) await api.staffSignIn({ pin: '000001' })
    await api.staffSignIn({ pin: '000001' })

    clock.advance(5 * minute)
    await api.staffSignIn({ pin })
    expect(await afterSetup(setUp)).toEqual([
      ['sign-in-failed', 'signing in: wrong PIN, 4 left'],
      ['sign-in', undefined],
      ['sign-out', undefined],
      ['sign-in-failed', 'signing in: wrong PIN, 4 left'],
      ['sign-in-failed', 'signing in: wrong PIN, 3 left'],
      ['sign-in-failed', 'signing in: wrong PIN, 2 left'],
      ['sign-in-failed', 'signing in: wrong PIN, 1 left'],
      ['sign-in-failed', 'signing in: wrong PIN, 0 left'],
      ['locked', 'signing in: lock 1 since the last right PIN, 5 min'],
      ['sign-in-failed', 'signing in: the PIN pad was locked'],
      ['sign-in', undefined],
    ])
    const auditText = await readFile(join(folder(), auditFileName), 'utf8')
    expect(auditText).not.toContain(pin)
    expect(auditText).not.toContain('000001')
    expect(log.lines.join('\n')).not.toContain(pin)
  })

  it('signs out only a signed-in session, and audits only that', async () => {
    const setUp = await kioskWithPin(folder(), { now })
    const { api } = setUp
    await api.staffSignOut()
    expect(await afterSetup(setUp)).toEqual([])
    await api.staffSignIn({ pin })
    await api.staffSignOut()
    await api.staffSignOut()
    expect(await api.staffStatus()).toMatchObject({ signedIn: false })
    await api.staffSignIn({ pin })
    expect(await afterSetup(setUp)).toEqual([
      ['sign-in', undefined],
      ['sign-out', undefined],
      ['sign-in', undefined],
    ])
  })
})
