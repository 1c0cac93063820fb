import { onBeforeUnmount, onMounted } from 'vue'
import { kiosk } from '@/platform'

/** Tells main the page is alive; main reloads it when the beats stop (see heartbeat-backstop). */
export function useHeartbeat(enabled: () => boolean, everyMs = 10_000): void {
  let timer: ReturnType<typeof setInterval> | undefined
  const beat = () => {
    if (enabled()) kiosk.heartbeat().catch(() => undefined)
  }
  onMounted(() => {
    beat()
    timer = setInterval(beat, everyMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
}
