import { useI18n } from 'vue-i18n'
import type { SignInResult } from '@shared/contract'

type PinRefusal = Extract<SignInResult, { ok: false }>

/** Why the PIN pad said no, in the language on screen. */
export function usePinRefusalText() {
  const { t } = useI18n()
  return (refusal: Pick<PinRefusal, 'reason' | 'attemptsLeft' | 'lockedUntil'>): string => {
    switch (refusal.reason) {
      case 'wrong':
        return t('staff.pin.wrong', { count: refusal.attemptsLeft }, refusal.attemptsLeft)
      case 'locked': {
        const minutes = Math.max(1, Math.ceil(((refusal.lockedUntil ?? 0) - Date.now()) / 60_000))
        if (minutes < 60) return t('staff.pin.lockedFor', { count: minutes }, minutes)
        const hours = Math.ceil(minutes / 60)
        return t('staff.pin.lockedForHours', { count: hours }, hours)
      }
      case 'not-set':
        return t('staff.pin.notSet')
      case 'reset-needed':
        return t('staff.pin.resetNeeded.title')
    }
  }
}
