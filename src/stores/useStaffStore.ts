import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SignInResult, StaffStatus } from '@shared/contract'
import { kiosk } from '@/platform'

/**
 * Whether staff are signed in, as main (or the browser implementation) says. Main enforces
 * the PIN on every staff call; this store only decides which screen to show.
 */
export const useStaffStore = defineStore('staff', () => {
  const status = ref<StaffStatus>({
    pin: 'set',
    signedIn: false,
    changeAdvised: false,
    lockedUntil: null,
    attemptsLeft: 5,
  })

  let signingOut: Promise<void> | null = null

  async function refresh(): Promise<StaffStatus> {
    // A sign-out still on its way must land first, or a quick return would find the old session.
    await signingOut
    status.value = await kiosk.staffStatus()
    return status.value
  }

  async function signIn(pin: string): Promise<SignInResult> {
    const result = await kiosk.staffSignIn({ pin })
    await refresh()
    return result
  }

  async function signOut(): Promise<void> {
    await kiosk.staffSignOut()
    await refresh()
  }

  /** Leaving staff mode ends the session, so the next person at the kiosk meets the PIN pad. */
  function signOutIfSignedIn(): Promise<void> {
    signingOut = (async () => {
      if ((await kiosk.staffStatus()).signedIn) await kiosk.staffSignOut()
    })().finally(() => {
      signingOut = null
    })
    return refresh().then(() => undefined)
  }

  return { status, refresh, signIn, signOut, signOutIfSignedIn }
})
