import type { EventTimingRecord, ScreenChange } from './probes'
import { percentile, round } from './stats'
import type { Tap, TapKind } from './tap-drivers'

/** Entries below this are not reported by the Event Timing API (its minimum threshold). */
const threshold = 16
const tapEvents = new Set(['pointerdown', 'pointerup', 'click'])

export interface TapLatency {
  kind: TapKind
  /** Longest pointerdown/pointerup/click entry of the tap's interaction; null below 16 ms. */
  durationMs: number | null
  inputDelayMs: number | null
  processingMs: number | null
  presentationMs: number | null
  /** From pointerdown to the start of the frame after the new screen entered the DOM. */
  screenMs: number | null
  /** That frame began before the Event Timing entry's paint: the entry covers the change. */
  screenInEntry: boolean | null
}

export interface TapSummary {
  taps: number
  /** Taps whose every entry was under 16 ms, so the API reported none (counted as 16 ms). */
  belowThreshold: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  /** True when the percentile falls among the unreported taps: the figure is a bound. */
  p50IsUpperBound: boolean
  p95IsUpperBound: boolean
}

export interface ScreenChangeSummary {
  taps: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  /** Taps whose Event Timing entry ended after the new screen's frame began. */
  coveredByEventTiming: number
}

export interface SlowestSplit {
  inputDelayMs: number
  processingMs: number
  presentationMs: number
}

export function latencies(
  taps: Tap[],
  events: EventTimingRecord[],
  screens: ScreenChange[],
): TapLatency[] {
  return taps.map((tapped, i) => {
    const screen = screens.find((s) => s.tap === i)
    const screenMs = screen ? screen.frameAt - screen.pointerDownAt : Number.NaN
    const until = taps[i + 1]?.sentAt ?? Number.POSITIVE_INFINITY
    const mine = events.filter(
      (e) =>
        tapEvents.has(e.name) &&
        e.interactionId > 0 &&
        e.startTime >= tapped.sentAt &&
        e.startTime < until,
    )
    const longest = mine.reduce<EventTimingRecord | null>(
      (best, e) => (best === null || e.duration > best.duration ? e : best),
      null,
    )
    if (!longest) {
      return {
        kind: tapped.kind,
        durationMs: null,
        inputDelayMs: null,
        processingMs: null,
        presentationMs: null,
        screenMs: Number.isNaN(screenMs) ? null : screenMs,
        screenInEntry: null,
      }
    }
    return {
      kind: tapped.kind,
      durationMs: longest.duration,
      inputDelayMs: longest.processingStart - longest.startTime,
      processingMs: longest.processingEnd - longest.processingStart,
      presentationMs: longest.startTime + longest.duration - longest.processingEnd,
      screenMs: Number.isNaN(screenMs) ? null : screenMs,
      screenInEntry: screen ? screen.frameAt <= longest.startTime + longest.duration : null,
    }
  })
}

export function summarise(taps: TapLatency[]): TapSummary {
  const values = taps.map((t) => t.durationMs ?? threshold)
  const below = taps.filter((t) => t.durationMs === null).length
  const bound = (p: number) => Math.ceil((p / 100) * taps.length) <= below
  return {
    taps: taps.length,
    belowThreshold: below,
    p50Ms: round(percentile(values, 50)),
    p95Ms: round(percentile(values, 95)),
    maxMs: round(Math.max(...values)),
    p50IsUpperBound: bound(50),
    p95IsUpperBound: bound(95),
  }
}

export function screenChange(taps: TapLatency[]): ScreenChangeSummary | null {
  const values = taps.map((t) => t.screenMs).filter((ms): ms is number => ms !== null)
  if (values.length === 0) return null
  return {
    taps: values.length,
    p50Ms: round(percentile(values, 50)),
    p95Ms: round(percentile(values, 95)),
    maxMs: round(Math.max(...values)),
    coveredByEventTiming: taps.filter((t) => t.screenInEntry === true).length,
  }
}

export function slowestSplit(taps: TapLatency[]): SlowestSplit | null {
  const measured = taps.filter((t) => t.durationMs !== null)
  const slowest = [...measured]
    .sort((a, b) => (b.durationMs ?? 0) - (a.durationMs ?? 0))
    .slice(0, Math.max(1, Math.ceil(taps.length * 0.05)))
  if (slowest.length === 0) return null
  const mean = (pick: (t: TapLatency) => number | null) =>
    round(slowest.reduce((sum, t) => sum + (pick(t) ?? 0), 0) / slowest.length)
  return {
    inputDelayMs: mean((t) => t.inputDelayMs),
    processingMs: mean((t) => t.processingMs),
    presentationMs: mean((t) => t.presentationMs),
  }
}
