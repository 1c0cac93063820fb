import { pageFunction } from './browser'

/** What the probes leave on `window` for the bench to read. */
export interface BenchWindow {
  __benchReadyAt?: number
  __benchReadySeen?: boolean
  __benchRunningAt?: number
  __benchRunningSeen?: boolean
  __benchRunningSeenAt?: number
  __benchFirstClickAt?: number
  __benchFirstTouchAt?: number
  __benchHomeAt?: number
  __benchEvents?: EventTimingRecord[]
  /** Set before a tap: the selector that shows its screen has come, and the tap's index. */
  __benchExpect?: { selector: string; tap: number }
  __benchLastPointerDown?: number
  __benchScreens?: ScreenChange[]
}

/** When a tap's screen came: its pointerdown, the DOM change, and the frame after it. */
export interface ScreenChange {
  tap: number
  pointerDownAt: number
  domAt: number
  frameAt: number
}

export interface EventTimingRecord {
  name: string
  startTime: number
  duration: number
  processingStart: number
  processingEnd: number
  interactionId: number
}

/**
 * Init script: notes (performance.now(), i.e. ms since navigation start) two moments, each at
 * the first frame after it: the start screen's "touch to start" control is in the document,
 * enabled and rendered (it takes taps from then on), and the app is running (Vue has mounted
 * on `#app`, so a tap acts at once). A static page has no app: it is running when it is ready.
 */
export const readyProbe = pageFunction((): void => {
  const w = window as unknown as BenchWindow
  window.addEventListener(
    'click',
    () => {
      w.__benchFirstClickAt ??= performance.now()
    },
    { capture: true },
  )
  new MutationObserver((_records, observer) => {
    if (w.__benchReadyAt === undefined && !w.__benchReadySeen) {
      const target = document.querySelector('[data-testid="touch-to-start"]')
      const usable =
        target?.checkVisibility() && !(target instanceof HTMLButtonElement && target.disabled)
      if (usable) {
        w.__benchReadySeen = true
        requestAnimationFrame(() => (w.__benchReadyAt = performance.now()))
      }
    }
    if (!w.__benchRunningSeen && document.querySelector('#app[data-v-app]')) {
      w.__benchRunningSeen = true
      w.__benchRunningSeenAt = performance.now()
      requestAnimationFrame(() => (w.__benchRunningAt = performance.now()))
    }
    if (w.__benchReadySeen && w.__benchRunningSeen) observer.disconnect()
  }).observe(document, { childList: true, subtree: true, attributes: true })
})

/**
 * Init script: the first tap's pointerdown, and the first frame after the home screen's tiles
 * entered the document: how long the first visitor's "Touch to start" takes.
 */
export const firstTapProbe = pageFunction((): void => {
  const w = window as unknown as BenchWindow
  window.addEventListener(
    'pointerdown',
    () => {
      w.__benchFirstTouchAt ??= performance.now()
    },
    { capture: true, passive: true },
  )
  new MutationObserver((_records, observer) => {
    if (!document.querySelector('[data-testid^="tile-"]')) return
    observer.disconnect()
    requestAnimationFrame(() => (w.__benchHomeAt = performance.now()))
  }).observe(document, { childList: true, subtree: true })
})

/** Init script: keeps every Event Timing entry (duration ≥ 16 ms, the API's minimum). */
export const eventTimingProbe = pageFunction((): void => {
  const w = window as unknown as BenchWindow
  const records: EventTimingRecord[] = []
  w.__benchEvents = records
  const options: PerformanceObserverInit & { durationThreshold: number } = {
    type: 'event',
    durationThreshold: 16,
    buffered: true,
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const timing = entry as PerformanceEventTiming & { interactionId?: number }
      records.push({
        name: timing.name,
        startTime: timing.startTime,
        duration: timing.duration,
        processingStart: timing.processingStart,
        processingEnd: timing.processingEnd,
        interactionId: timing.interactionId ?? 0,
      })
    }
  }).observe(options)
})

/**
 * Init script: for the screen a tap expects (`__benchExpect`), notes when it entered the DOM
 * and the start of the frame after, which paints it. Event Timing stops at the first paint
 * after the handlers, which can come before a route's asynchronous update.
 */
export const screenChangeProbe = pageFunction((): void => {
  const w = window as unknown as BenchWindow
  const screens: ScreenChange[] = []
  w.__benchScreens = screens
  window.addEventListener(
    'pointerdown',
    (event) => {
      w.__benchLastPointerDown = event.timeStamp
    },
    { capture: true, passive: true },
  )
  new MutationObserver(() => {
    const expected = w.__benchExpect
    if (!expected || !document.querySelector(expected.selector)) return
    w.__benchExpect = undefined
    const domAt = performance.now()
    const pointerDownAt = w.__benchLastPointerDown ?? Number.NaN
    requestAnimationFrame((frameAt) => {
      screens.push({ tap: expected.tap, pointerDownAt, domAt, frameAt })
    })
  }).observe(document, { childList: true, subtree: true, attributes: true })
})

/** Resolves after two frames, so entries that wait for the next paint are reported. */
export const afterNextPaints = pageFunction(
  (): Promise<void> =>
    new Promise((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))
    }),
)
