import {
  computed,
  onBeforeUnmount,
  onMounted,
  ref,
  shallowRef,
  toValue,
  watch,
  type MaybeRefOrGetter,
} from 'vue'
import {
  initialIdleState,
  nextWakeAt,
  recordActivity,
  tick,
  warningSecondsLeft,
  type IdleContext,
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
 * The longest the timer sleeps. Timers count only time the computer was awake, so after it
 * slept, or after its clock was set, the kiosk notices within this and resets if it is due.
 */
const maxSleepMs = 5_000

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
  const state = shallowRef(initialIdleState(Date.now()))
  const now = ref(Date.now())
  const settings = (): IdleOptions => ({
    timeoutMs: toValue(options.timeoutMs),
    warningMs: toValue(options.warningMs),
    pauseCapMs: options.pauseCapMs ?? 5 * 60_000,
  })
  const context = (): IdleContext => ({
    enabled: toValue(options.enabled),
    paused: toValue(options.paused),
  })

  const warning = computed(() => state.value.phase === 'warning')
  const secondsLeft = computed(() => warningSecondsLeft(state.value, now.value, settings()))

  // One timer set for the next moment anything can happen, instead of polling: a kiosk left
  // on all day then does no work while nobody is there. Input does not move the timer; when
  // it fires early, `step` finds nothing due and sets it again from the latest input.
  let timer: ReturnType<typeof setTimeout> | undefined
  let mounted = false
  function schedule(): void {
    clearTimeout(timer)
    timer = undefined
    if (!mounted) return
    const wakeAt = nextWakeAt(state.value, Date.now(), settings(), context())
    if (wakeAt === null) return
    timer = setTimeout(step, Math.min(maxSleepMs, Math.max(0, wakeAt - Date.now())))
  }

  function step(): void {
    now.value = Date.now()
    const result = tick(state.value, now.value, settings(), context())
    state.value = result.state
    schedule()
    if (result.event === 'reset') options.onReset()
  }

  function activity(event?: Event): void {
    if (event && state.value.phase === 'warning' && touchStarts.has(event.type)) return
    const dismissed = state.value.phase === 'warning'
    state.value = recordActivity(state.value, Date.now())
    if (dismissed) schedule()
  }

  // Synchronous, so a pause is timed from the moment it starts and ends.
  watch(
    () => toValue(options.enabled),
    (enabled) => {
      if (enabled) state.value = initialIdleState(Date.now())
      step()
    },
    { flush: 'sync' },
  )
  watch(() => toValue(options.paused), step, { flush: 'sync' })
  watch(settings, schedule, { flush: 'sync' })

  onMounted(() => {
    for (const type of activityEvents)
      window.addEventListener(type, activity, { capture: true, passive: true })
    mounted = true
    step()
  })
  onBeforeUnmount(() => {
    for (const type of activityEvents) window.removeEventListener(type, activity, { capture: true })
    mounted = false
    clearTimeout(timer)
  })

  return { warning, secondsLeft, stillHere: () => activity() }
}
