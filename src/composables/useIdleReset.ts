import { computed, onBeforeUnmount, onMounted, ref, toValue, type MaybeRefOrGetter } from 'vue'
import {
  initialIdleState,
  recordActivity,
  tick,
  warningSecondsLeft,
  type IdleOptions,
} from '@/components/idle/idle-machine'

/** Input that proves someone is at the kiosk. Listened for in the capture phase, so no component can swallow it. */
const activityEvents = ['pointerdown', 'touchstart', 'click', 'keydown', 'wheel', 'scroll'] as const
/**
 * While the warning shows, the start of a touch must not close it: the dialog would vanish
 * under the finger and the tap's click would land on whatever was behind it.
 */
const touchStarts = new Set(['pointerdown', 'touchstart'])

/**
 * Watches for a visitor walking away: after `timeoutMs` without input it raises a warning,
 * and after `warningMs` more it calls `onReset`. Any input dismisses the warning. While
 * `paused` (printing, a stretch timer) it waits, but never longer than `pauseCapMs`.
 */
export function useIdleReset(options: {
  timeoutMs: MaybeRefOrGetter<number>
  warningMs: MaybeRefOrGetter<number>
  pauseCapMs?: number
  enabled: MaybeRefOrGetter<boolean>
  paused: MaybeRefOrGetter<boolean>
  onReset: () => void
}) {
  const state = ref(initialIdleState(Date.now()))
  const now = ref(Date.now())
  const settings = (): IdleOptions => ({
    timeoutMs: toValue(options.timeoutMs),
    warningMs: toValue(options.warningMs),
    pauseCapMs: options.pauseCapMs ?? 5 * 60_000,
  })

  const warning = computed(() => state.value.phase === 'warning')
  const secondsLeft = computed(() => warningSecondsLeft(state.value, now.value, settings()))

  function activity(event?: Event): void {
    if (event && state.value.phase === 'warning' && touchStarts.has(event.type)) return
    state.value = recordActivity(state.value, Date.now())
  }

  function step(): void {
    now.value = Date.now()
    const result = tick(state.value, now.value, settings(), {
      enabled: toValue(options.enabled),
      paused: toValue(options.paused),
    })
    state.value = result.state
    if (result.event === 'reset') options.onReset()
  }

  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    for (const type of activityEvents)
      window.addEventListener(type, activity, { capture: true, passive: true })
    timer = setInterval(step, 250)
  })
  onBeforeUnmount(() => {
    for (const type of activityEvents) window.removeEventListener(type, activity, { capture: true })
    clearInterval(timer)
  })

  return { warning, secondsLeft, stillHere: () => activity() }
}
