import { useI18n } from 'vue-i18n'

export interface PinRefusal {
  reason: 'wrong' | 'locked' | 'not-set' | 'invalid-format' | 'already-set'
  attemptsLeft?: number
  lockedUntil?: number | null
}

/** Why the PIN pad said no, in the language on screen. */
export function usePinRefusalText() {
  const { t } = useI18n()
  return (refusal: PinRefusal): string => {
    switch (refusal.reason) {
      case 'wrong': {
        const count = refusal.attemptsLeft ?? 0
        return t('staff.pin.wrong', { count }, count)
      }
      case 'locked': {
        const until = refusal.lockedUntil ?? Date.now()
        const count = Math.max(1, Math.ceil((until - Date.now()) / 60_000))
        return t('staff.pin.lockedFor', { count }, count)
      }
      case 'not-set':
        return t('staff.pin.notSet')
      case 'invalid-format':
        return t('staff.pin.invalidFormat')
      case 'already-set':
        return t('staff.pin.alreadySet')
    }
  }
}
