import { onBeforeUnmount, ref, watch } from 'vue'
import type { Draft, DraftId } from '@shared/contract'
import { kiosk } from '@/platform'

/** Long enough to keep one draft per pause in typing, short enough that a walk-away loses nothing. */
const keepAfterMs = 400

/**
 * Unsaved staff work kept in the backend as staff type, so a walk-away, the staff time-out
 * or a reload loses nothing: the next sign-in offers it back. Saving or discarding the work
 * throws the draft away.
 */
export function useStaffDraft<T>(id: () => DraftId, work: () => T, dirty: () => boolean) {
  /** The draft found when the screen opened, if staff left work unsaved last time. */
  const restored = ref<Draft | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined

  async function keep(): Promise<void> {
    if (dirty()) await kiosk.staffSaveDraft({ id: id(), data: work() })
    else await kiosk.staffDiscardDraft({ id: id() })
  }
  watch(
    work,
    () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        keep().catch((error: unknown) => console.warn('staff draft', error))
      }, keepAfterMs)
    },
    { deep: true },
  )
  // Leaving saves, discards or asks (useUnsavedGuard); after that nothing is left to keep.
  onBeforeUnmount(() => clearTimeout(timer))

  /** The unsaved work left last time, if any. */
  async function find(): Promise<T | null> {
    const draft = (await kiosk.staffDrafts()).find((d) => d.id === id()) ?? null
    restored.value = draft
    return draft ? (draft.data as T) : null
  }

  async function discard(): Promise<void> {
    clearTimeout(timer)
    restored.value = null
    await kiosk.staffDiscardDraft({ id: id() })
  }

  return { restored, find, discard }
}
