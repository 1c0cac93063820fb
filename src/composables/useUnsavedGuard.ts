import { onBeforeRouteLeave } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { useConfirmStore } from '@/stores/useConfirmStore'
import { useStaffStore } from '@/stores/useStaffStore'

/**
 * Leaving a staff screen with unsaved changes asks first: save, discard, or keep editing.
 * When the session has ended (the staff time-out) nobody is there to ask: the screen's draft
 * keeps the work for the next sign-in.
 */
export function useUnsavedGuard(options: {
  dirty: () => boolean
  /** True when saved; false keeps staff on the screen, with what is wrong shown. */
  save: () => Promise<boolean>
  discard: () => Promise<void>
}): void {
  const { t } = useI18n()
  const confirm = useConfirmStore()
  const staff = useStaffStore()

  onBeforeRouteLeave(async () => {
    if (!options.dirty() || !staff.status.signedIn) return true
    const answer = await confirm.ask({
      title: t('staff.leave.title'),
      text: t('staff.leave.text'),
      choices: [
        { value: 'save', label: t('staff.leave.save'), primary: true },
        { value: 'discard', label: t('staff.leave.discard') },
        { value: 'keep', label: t('staff.leave.keep') },
      ],
    })
    if (answer === 'save') return options.save()
    if (answer === 'discard') {
      await options.discard()
      return true
    }
    return false
  })
}
