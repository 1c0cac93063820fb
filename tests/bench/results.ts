import type { BundleResult } from './measure-bundle'
import type { ColdStartResult } from './measure-cold-start'
import type { MemoryResult } from './measure-memory'
import type { SheetResult } from './measure-sheets'
import type { TapResult } from './measure-taps'

export const targets = {
  /** App's median first contentful paint at most 1.5x the floor's. */
  coldStartFcpRatio: 1.5,
  /** App's median time to an interactive start screen at most 1.5x the floor's. */
  coldStartReadyRatio: 1.5,
  /** 95th percentile of tap latency (Event Timing), ms. */
  tapP95Ms: 50,
  /** JS heap growth after GC from 1 visit to 1,000 visits ending in idle resets, MB. */
  memoryGrowthMB: 2,
  /** Gzipped JavaScript that index.html loads at start-up, kB (1 kB = 1,000 bytes). */
  startupJsGzipKB: 150,
} as const

export type TargetName = keyof typeof targets

/** A measurement that could not be taken is kept as its error, so the rest still report. */
export type Measured<T> = { ok: true; value: T } | { ok: false; error: string }

export interface Metrics {
  coldStart: Measured<ColdStartResult>
  taps: Measured<TapResult>
  memory: Measured<MemoryResult>
  bundle: Measured<BundleResult>
  sheets: Measured<SheetResult>
}

interface Machine {
  cpus: number
  cpuModel: string
  memGB: number
  platform: string
  /** 1, 5 and 15 minute load averages when the bench started: other work skews timings. */
  loadAverageAtStart: number[]
  node: string
  chromium: string
}

export interface BenchResults {
  date: string
  machine: Machine
  secondsTaken: Record<keyof Metrics, number>
  metrics: Metrics
  targets: typeof targets
  /** null: not measured (its error is in metrics). */
  pass: Record<TargetName, boolean | null>
}

const value = <T>(measured: Measured<T>): T | null => (measured.ok ? measured.value : null)

const atMost = (actual: number | null | undefined, limit: number): boolean | null =>
  actual === null || actual === undefined || Number.isNaN(actual) ? null : actual <= limit

export function judge(metrics: Metrics): Record<TargetName, boolean | null> {
  const cold = value(metrics.coldStart)
  return {
    coldStartFcpRatio: atMost(cold?.fcpRatio, targets.coldStartFcpRatio),
    coldStartReadyRatio: atMost(cold?.readyRatio, targets.coldStartReadyRatio),
    tapP95Ms: atMost(value(metrics.taps)?.app.p95Ms, targets.tapP95Ms),
    memoryGrowthMB: atMost(
      value(metrics.memory)?.app.growthBytes,
      targets.memoryGrowthMB * 1024 * 1024,
    ),
    startupJsGzipKB: atMost(value(metrics.bundle)?.app.startupJsGzipKB, targets.startupJsGzipKB),
  }
}
