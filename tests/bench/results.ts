import type { BundleResult } from './measure-bundle'
import type { ColdStartResult } from './measure-cold-start'
import type { IdleResult } from './measure-idle'
import type { PrintResult } from './measure-print'
import type { RecoveryResult } from './measure-recovery'
import type { SheetResult } from './measure-sheets'
import type { SoakResult } from './measure-soak'
import type { StartupScriptsResult } from './measure-startup-scripts'
import type { TapResult } from './measure-taps'

export const targets = {
  /** App's median first contentful paint at most 1.5x the styled floor's. */
  coldStartFcpRatio: 1.5,
  /** App's median first contentful paint at most 1.3x the plain page's (issue 20, 4). */
  fcpPlainRatio: 1.3,
  /** App's median time to an interactive start screen at most 1.5x the floor's. */
  coldStartReadyRatio: 1.5,
  /** Tap-to-next-paint p95, app ÷ tap floor, at the worst text size (issue 20, 1). */
  tapP95Ratio: 1.25,
  /** Tap p50, app − tap floor, ms, at the worst text size: one Event Timing step. */
  tapP50DiffMs: 8,
  /** Scripts the start screen fetched before the network was idle, KiB gzip (issue 20, 4). */
  startupScriptsGzipKiB: 60,
  /** Files of other screens fetched before the first tap (issue 20, 4). */
  otherScreensFilesBeforeTap: 0,
  /** Main-thread busy time of an idle start screen, % of one core (issue 20, 3). */
  idleBusyPercent: 0.5,
  /** The same for a screen left open mid-visit until the walk-away reset. */
  midVisitIdleBusyPercent: 0.5,
  /** Back after a crash (reload) ÷ cold start, to a start screen that takes taps (issue 20, 5). */
  recoveryRatio: 1.5,
  /** Gzipped JavaScript that index.html loads at start-up, kB (1 kB = 1,000 bytes). */
  startupJsGzipKB: 150,
  /** Soak: heap after GC at the last visit within this of the baseline visit's, MB. */
  soakHeapGrowthMB: 0.25,
  /** Soak: resets after which the DOM counters were not back to the baseline's. */
  soakDomMismatches: 0,
} as const

export type TargetName = keyof typeof targets

/** A measurement that could not be taken is kept as its error, so the rest still report. */
export type Measured<T> = { ok: true; value: T } | { ok: false; error: string }

export interface Metrics {
  coldStart: Measured<ColdStartResult>
  startupScripts: Measured<StartupScriptsResult>
  taps: Measured<TapResult>
  idle: Measured<IdleResult>
  recovery: Measured<RecoveryResult>
  print: Measured<PrintResult>
  bundle: Measured<BundleResult>
  sheets: Measured<SheetResult>
}

export interface Machine {
  cpus: number
  cpuModel: string
  memGB: number
  platform: string
  /** 1, 5 and 15 minute load averages when the bench started: other work skews timings. */
  loadAverageAtStart: number[]
  node: string
  chromium: string
}

/** `npm run bench:soak`'s run, kept in the same file apart from the bench's. */
export interface SoakRun {
  date: string
  machine: Machine
  soak: Measured<SoakResult>
}

export interface BenchResults {
  date: string
  machine: Machine
  /** Settings of the run (env overrides): counts and durations. */
  settings: Record<string, number>
  secondsTaken: Partial<Record<keyof Metrics, number>>
  metrics: Metrics
  targets: typeof targets
  /** null: not measured (its error is in metrics), or measured by the other command. */
  pass: Record<TargetName, boolean | null>
  soakRun?: SoakRun
}

const value = <T>(measured: Measured<T> | undefined): T | null =>
  measured?.ok ? measured.value : null

const atMost = (actual: number | null | undefined, limit: number): boolean | null =>
  actual === null || actual === undefined || Number.isNaN(actual) ? null : actual <= limit

export function judge(
  metrics: Metrics,
  soak?: Measured<SoakResult>,
): Record<TargetName, boolean | null> {
  const cold = value(metrics.coldStart)
  const taps = value(metrics.taps)
  const startup = value(metrics.startupScripts)
  const idle = value(metrics.idle)
  const soakValue = value(soak)
  return {
    coldStartFcpRatio: atMost(cold?.fcpRatio, targets.coldStartFcpRatio),
    fcpPlainRatio: atMost(cold?.fcpPlainRatio, targets.fcpPlainRatio),
    coldStartReadyRatio: atMost(cold?.readyRatio, targets.coldStartReadyRatio),
    tapP95Ratio: atMost(taps?.worstP95Ratio, targets.tapP95Ratio),
    tapP50DiffMs: atMost(taps?.worstP50DiffMs, targets.tapP50DiffMs),
    startupScriptsGzipKiB: atMost(startup?.scriptsGzipKiB, targets.startupScriptsGzipKiB),
    otherScreensFilesBeforeTap: atMost(
      startup?.otherScreensFiles.length,
      targets.otherScreensFilesBeforeTap,
    ),
    idleBusyPercent: atMost(idle?.startScreen.busyPercentOfCore, targets.idleBusyPercent),
    midVisitIdleBusyPercent:
      idle && !idle.midVisit.resetSeen
        ? false
        : atMost(idle?.midVisit.busyPercentOfCore, targets.midVisitIdleBusyPercent),
    recoveryRatio: atMost(value(metrics.recovery)?.reloadRatio, targets.recoveryRatio),
    startupJsGzipKB: atMost(value(metrics.bundle)?.app.startupJsGzipKB, targets.startupJsGzipKB),
    soakHeapGrowthMB: atMost(
      soakValue ? Math.abs(soakValue.heapGrowthBytes) : null,
      targets.soakHeapGrowthMB * 1024 * 1024,
    ),
    soakDomMismatches: atMost(soakValue?.domMismatchCount, targets.soakDomMismatches),
  }
}
