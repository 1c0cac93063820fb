import { onBeforeUnmount, onMounted } from 'vue'
import { kiosk } from '@/platform'
import { useContentStore } from '@/stores/useContentStore'
import { useSettingsStore } from '@/stores/useSettingsStore'
import { useVisitStore } from '@/stores/useVisitStore'

/** The content release this page shows, as the backend named it; null until it has said. */
let showing: string | null = null

/**
 * Tells the backend, while the start screen is up, that no visitor is using the kiosk and
 * which content the page shows. The backend may switch to a downloaded content pack then; the
 * page loads the new content and settings at once and confirms it shows them, so a pack that
 * breaks the page is noticed (and taken back) by the backend.
 */
export function useStartScreenSignal(everyMs = 5_000): void {
  const content = useContentStore()
  const settings = useSettingsStore()
  const visit = useVisitStore()
  let timer: ReturnType<typeof setInterval> | undefined

  async function signal(): Promise<void> {
    const { current } = await kiosk.startScreenShown({ showing })
    if (current === showing) return
    await Promise.all([content.reload(visit.locale), settings.load()])
    showing = current
    await kiosk.startScreenShown({ showing })
  }
  const tell = () =>
    void signal().catch((error: unknown) => console.warn('start screen signal', error))

  onMounted(() => {
    tell()
    timer = setInterval(tell, everyMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
}
