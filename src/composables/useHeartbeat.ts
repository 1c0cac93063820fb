import { onBeforeUnmount, onMounted } from 'vue'
import { kioskApi } from '@/platform'

/** Tells main the page is alive; main reloads it when the beats stop (see heartbeat-backstop). */
export function useHeartbeat(enabled: () => boolean, everyMs = 10_000): void {
  let timer: ReturnType<typeof setInterval> | undefined
  const beat = () => {
    if (enabled()) void kioskApi().then((api) => api.heartbeat())
  }
  onMounted(() => {
    beat()
    timer = setInterval(beat, everyMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
}
