import { maxAttempts, type VerifyResult } from '../../services/pin-store'
import type { BackendContext, Handlers } from '../backend-context'

type SignInMethod =
  'staffStatus' | 'staffSetFirstPin' | 'staffSignIn' | 'staffSignOut' | 'staffChangePin'

/** The PIN pad: first PIN, sign-in, sign-out and changing the PIN. The PIN is never logged. */
export function signInHandlers(ctx: BackendContext): Pick<Handlers, SignInMethod> {
  const { pin } = ctx.services

  /** Audits a refused PIN check: a wrong PIN, a new lock, or a try while locked. */
  async function recordRefusal(
    result: Exclude<VerifyResult, { ok: true }>,
    wasLocked: boolean,
    action: string,
  ): Promise<void> {
    if (result.reason === 'wrong') {
      await ctx.record('sign-in-failed', `${action}: wrong PIN, ${result.attemptsLeft} left`)
    } else if (result.reason === 'locked') {
      if (wasLocked) await ctx.record('sign-in-failed', `${action}: the PIN pad was locked`)
      else await ctx.record('locked', `${action}: too many wrong PINs`)
    }
  }

  return {
    // Asking is not staff activity: a screen polling the status must not keep a session open.
    staffStatus: async () => {
      const signedIn = await ctx.staff.isOpen(false)
      const status = await pin.status()
      return {
        pinSet: status.isSet,
        signedIn,
        lockedUntil: status.lockedUntil,
        attemptsLeft: status.lockedUntil === null ? maxAttempts - status.failedAttempts : 0,
      }
    },

    staffSetFirstPin: async ({ pin: chosen }) => {
      // The pin store checks again under its lock, so a PIN set meanwhile is never replaced.
      if ((await pin.status()).isSet) return { ok: false, reason: 'already-set' }
      const result = await pin.setPin(chosen)
      if (!result.ok) {
        return {
          ok: false,
          reason: result.reason === 'invalid-format' ? 'invalid-format' : 'already-set',
        }
      }
      ctx.staff.start()
      await ctx.record('pin-changed', 'first PIN set')
      ctx.log.info('staff: the first staff PIN was set')
      return { ok: true }
    },

    staffSignIn: async ({ pin: entered }) => {
      const before = await pin.status()
      const result = await pin.verify(entered)
      if (!result.ok) {
        await recordRefusal(result, before.lockedUntil !== null, 'signing in')
        const { reason, attemptsLeft, lockedUntil } = result
        return { ok: false, reason, attemptsLeft, lockedUntil }
      }
      ctx.staff.start()
      await ctx.record('sign-in')
      return { ok: true }
    },

    staffSignOut: async () => {
      if (!(await ctx.staff.isOpen(false))) return
      ctx.staff.end()
      await ctx.record('sign-out')
    },

    staffChangePin: async ({ pin: chosen, currentPin }) => {
      const before = await pin.status()
      const result = await pin.setPin(chosen, currentPin)
      if (result.ok) {
        await ctx.record('pin-changed')
        return { ok: true }
      }
      // A new PIN of the wrong shape: nothing was checked, nothing counts.
      if (!('attemptsLeft' in result)) return { ok: false, reason: 'invalid-format' }
      await recordRefusal(result, before.lockedUntil !== null, 'changing the PIN')
      // Someone guessing at an open staff screen is exactly who the current PIN keeps out.
      if (result.reason === 'locked') ctx.staff.end()
      const { attemptsLeft, lockedUntil } = result
      const reason = result.reason === 'locked' ? 'locked' : 'wrong'
      return { ok: false, reason, attemptsLeft, lockedUntil }
    },
  }
}
