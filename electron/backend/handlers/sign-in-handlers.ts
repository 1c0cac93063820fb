import type { PinRefusal } from '../../services/pin-store'
import { lockDurationMs, newPinProblems, pinPolicy } from '../../shared/pin-policy'
import type { BackendContext, Handlers } from '../backend-context'

type SignInMethod = 'staffStatus' | 'staffSignIn' | 'staffSignOut' | 'staffChangePin'

const refusalDetail: Record<Exclude<PinRefusal['reason'], 'locked'>, string> = {
  wrong: 'wrong PIN',
  'not-set': 'the kiosk is not set up yet',
  'reset-needed': 'the PIN file is missing or damaged: IT must reset the PIN',
}

/** The PIN pad: sign-in, sign-out and changing the PIN. The PIN itself is never logged. */
export function signInHandlers(ctx: BackendContext): Pick<Handlers, SignInMethod> {
  const { pin } = ctx.services

  /**
   * Audits a refused PIN: every wrong one, and the lock it may start (with how long it lasts),
   * or a try while the pad was already locked.
   */
  async function recordRefusal(result: PinRefusal, before: { locks: number }, action: string) {
    if (result.reason !== 'locked') {
      const left = result.reason === 'wrong' ? `, ${result.attemptsLeft} left` : ''
      await ctx.record('sign-in-failed', `${action}: ${refusalDetail[result.reason]}${left}`)
    } else if (before.locks === (await pin.status()).locks) {
      await ctx.record('sign-in-failed', `${action}: the PIN pad was locked`)
    } else {
      const locks = before.locks + 1
      const minutes = lockDurationMs(locks) / 60_000
      await ctx.record('sign-in-failed', `${action}: wrong PIN, 0 left`)
      await ctx.record(
        'locked',
        `${action}: lock ${locks} since the last right PIN, ${minutes} min`,
      )
    }
  }

  return {
    // Asking is not staff activity: a screen polling the status must not keep a session open.
    staffStatus: async () => {
      const signedIn = await ctx.staff.isOpen(false)
      const status = await pin.status()
      return {
        pin: status.state,
        signedIn,
        changeAdvised: signedIn && ctx.staff.changeAdvised(),
        lockedUntil: status.lockedUntil,
        attemptsLeft:
          status.lockedUntil === null ? pinPolicy.triesBeforeLock - status.failedAttempts : 0,
      }
    },

    staffSignIn: async ({ pin: entered }) => {
      const before = await pin.status()
      const result = await pin.verify(entered)
      if (!result.ok) {
        await recordRefusal(result, before, 'signing in')
        const { reason, attemptsLeft, lockedUntil } = result
        return { ok: false, reason, attemptsLeft, lockedUntil }
      }
      // A PIN from before the 6-digit rule still opens staff mode, which then asks for a new one.
      const changeAdvised = newPinProblems(entered).length > 0
      ctx.staff.start({ changeAdvised })
      await ctx.record('sign-in', changeAdvised ? 'with a PIN new PINs may not be' : undefined)
      return { ok: true }
    },

    staffSignOut: async () => {
      if (!(await ctx.staff.isOpen(false))) return
      ctx.staff.end()
      await ctx.record('sign-out')
    },

    staffChangePin: async ({ pin: chosen, currentPin }) => {
      const before = await pin.status()
      const result = await pin.changePin(chosen, currentPin)
      if (result.ok) {
        ctx.staff.pinChanged()
        await ctx.record('pin-changed')
        return { ok: true }
      }
      // A new PIN that breaks the rules: nothing was checked, nothing counts.
      if (result.reason === 'new-pin-refused') return { ok: false, problems: result.problems }
      await recordRefusal(result, before, 'changing the PIN')
      // Someone guessing at an open staff screen is exactly who the current PIN keeps out.
      if (result.reason === 'locked') ctx.staff.end()
      const { attemptsLeft, lockedUntil } = result
      const reason = result.reason === 'not-set' ? 'reset-needed' : result.reason
      return { ok: false, reason, attemptsLeft, lockedUntil }
    },
  }
}
