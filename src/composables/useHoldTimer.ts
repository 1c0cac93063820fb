import {
  computed,
  getCurrentScope,
  onScopeDispose,
  readonly,
  ref,
  toValue,
  type MaybeRefOrGetter,
} from 'vue'
import { useActivityStore } from '@/stores/useActivityStore'

const activityReason = 'stretch-timer'
/** Often enough that the shown second never lags visibly, rare enough to cost nothing. */
const tickMs = 200

export interface HoldTimerOptions {
  /** The full hold, read again on every start and reset so a new stretch gets its own length. */
  seconds: MaybeRefOrGetter<number>
  onFinish?: () => void
}

/**
 * A countdown for holding a stretch. Time left is measured against Date.now() rather than by
 * counting ticks, so a slow or throttled interval never stretches the hold. While it runs, the
 * kiosk's walk-away reset waits: someone lying on the floor is not touching the screen.
 */
export function useHoldTimer(options: HoldTimerOptions) {
  const activity = useActivityStore()
  const totalMs = () => toValue(options.seconds) * 1000
  const remainingMs = ref(totalMs())
  const running = ref(false)
  let endsAt = 0
  let interval: ReturnType<typeof setInterval> | undefined

  const remaining = computed(() => Math.ceil(remainingMs.value / 1000))
  const paused = computed(
    () => !running.value && remainingMs.value > 0 && remainingMs.value < totalMs(),
  )

  function stop(): void {
    if (interval !== undefined) clearInterval(interval)
    interval = undefined
    running.value = false
    activity.end(activityReason)
  }

  function tick(): void {
    remainingMs.value = Math.max(0, endsAt - Date.now())
    if (remainingMs.value > 0) return
    stop()
    options.onFinish?.()
  }

  function run(): void {
    if (running.value || remainingMs.value <= 0) return
    endsAt = Date.now() + remainingMs.value
    running.value = true
    activity.begin(activityReason)
    interval = setInterval(tick, tickMs)
  }

  /** Begins a fresh hold from the full length. */
  function start(): void {
    stop()
    remainingMs.value = totalMs()
    run()
  }

  function pause(): void {
    if (!running.value) return
    // A pause that lands after the hold ended still counts as finishing it.
    tick()
    stop()
  }

  function resume(): void {
    run()
  }

  /** Stops without finishing and shows the full hold again, ready to start. */
  function reset(): void {
    stop()
    remainingMs.value = totalMs()
  }

  if (getCurrentScope()) onScopeDispose(stop)

  return {
    remaining,
    running: readonly(running),
    paused,
    start,
    pause,
    resume,
    reset,
  }
}
