import { useDebounceFn } from '@vueuse/core'
import { ref, watch } from 'vue'
import type { Draft, DraftId } from '@shared/contract'
import { kiosk } from '@/platform'

/**
 * Unsaved staff work kept in the backend as staff type, so a walk-away, the staff time-out
 * or a reload loses nothing: the next sign-in offers it back. Saving or discarding the work
 * throws the draft away.
 */
export function useStaffDraft<T>(id: () => DraftId, work: () => T, dirty: () => boolean) {
  /** The draft found when the screen opened, if staff left work unsaved last time. */
  const restored = ref<Draft | null>(null)

  const keep = useDebounceFn(async () => {
    if (dirty()) await kiosk.staffSaveDraft({ id: id(), data: work() })
    else await kiosk.staffDiscardDraft({ id: id() })
  }, 400)
  // Best effort: a draft refused after the session ended is only a draft lost, never work saved.
  watch(work, () => void keep().catch((error: unknown) => console.warn('staff draft', error)), {
    deep: true,
  })

  /** The unsaved work left last time, if any. */
  async function find(): Promise<T | null> {
    const draft = (await kiosk.staffDrafts()).find((d) => d.id === id()) ?? null
    restored.value = draft
    return draft ? (draft.data as T) : null
  }

  async function discard(): Promise<void> {
    restored.value = null
    await kiosk.staffDiscardDraft({ id: id() })
  }

  return { restored, find, discard }
}
