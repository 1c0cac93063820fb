import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { judge, type BenchResults, type SoakRun, type TargetName } from './results'
import { round } from './stats'
import type { TapSummary } from './tap-latency'

interface Row {
  metric: string
  app: string
  floor: string
  versus: string
  pass: string
}

const ms = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${v} ms`)
const kb = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${v} kB`)
const times = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${v}x`)
const tapMs = (s: TapSummary, p: 'p50' | 'p95') =>
  `${s[`${p}IsUpperBound`] ? '<= ' : ''}${s[`${p}Ms`]} ms`

function verdict(results: BenchResults, target: TargetName): string {
  const pass = results.pass[target]
  return pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL'
}

function rows(results: BenchResults): Row[] {
  const { metrics, targets } = results
  const out: Row[] = []
  const failed = (metric: string, error: string) =>
    out.push({ metric, app: 'error', floor: '', versus: error.split('\n')[0] ?? '', pass: 'n/a' })

  const cold = metrics.coldStart
  if (cold.ok) {
    const c = cold.value
    out.push({
      metric: `Cold start: first contentful paint (median of ${c.runsPerSide})`,
      app: ms(c.app.fcpMedianMs),
      floor: ms(c.floor.fcpMedianMs),
      versus: `${times(c.fcpRatio)} (target <= ${targets.coldStartFcpRatio}x)`,
      pass: verdict(results, 'coldStartFcpRatio'),
    })
    out.push({
      metric: `Cold start: start screen interactive (median of ${c.runsPerSide})`,
      app: ms(c.app.readyMedianMs),
      floor: ms(c.floor.readyMedianMs),
      versus: `${times(c.readyRatio)} (target <= ${targets.coldStartReadyRatio}x)`,
      pass: verdict(results, 'coldStartReadyRatio'),
    })
    out.push({
      metric: `Cold start: app running, a tap acts at once (median)`,
      app: ms(c.app.runningMedianMs),
      floor: ms(c.floor.runningMedianMs),
      versus: `${times(c.runningRatio)}; ${c.appTapsBeforeRunning} of ${c.runsPerSide} first taps came before it, all led on`,
      pass: '',
    })
    out.push({
      metric: `First tap to the home screen: at once / ${c.firstTap.settledTapAfterMs / 1000} s after (median)`,
      app: `${ms(c.firstTap.atOnceMedianMs)} / ${ms(c.firstTap.settledMedianMs)}`,
      floor: '',
      versus: 'at once the app loads on the tap; later it has loaded after first paint',
      pass: '',
    })
  } else failed('Cold start', cold.error)

  if (cold.ok) {
    const c = cold.value
    out.push({
      metric: `First contentful paint vs the plain page (text only, median of ${c.runsPerSide})`,
      app: ms(c.app.fcpMedianMs),
      floor: ms(c.plain.fcpMedianMs),
      versus: `${times(c.fcpPlainRatio)} (target <= ${targets.fcpPlainRatio}x)`,
      pass: verdict(results, 'fcpPlainRatio'),
    })
  }

  const startup = metrics.startupScripts
  if (startup.ok) {
    const s = startup.value
    out.push({
      metric: 'Scripts fetched before network idle (gzip -9)',
      app: `${s.scriptsGzipKiB} KiB`,
      floor: '0 KiB',
      versus: `${s.scripts.length} files, ${s.scriptsTransferredKiB} KiB sent (target <= ${targets.startupScriptsGzipKiB} KiB)`,
      pass: verdict(results, 'startupScriptsGzipKiB'),
    })
    out.push({
      metric: "Other screens' files fetched before the first tap",
      app: String(s.otherScreensFiles.length),
      floor: '0',
      versus: s.otherScreensFiles.join(', ') || 'none',
      pass: verdict(results, 'otherScreensFilesBeforeTap'),
    })
  } else failed('Start-up scripts', startup.error)

  const taps = metrics.taps
  if (taps.ok) {
    for (const t of taps.value.bySize) {
      out.push({
        metric: `Tap p50, text size ${t.textSize} (${t.app.summary.taps} + ${t.floor.summary.taps} taps)`,
        app: tapMs(t.app.summary, 'p50'),
        floor: tapMs(t.floor.summary, 'p50'),
        versus: `${t.p50DiffMs >= 0 ? '+' : ''}${t.p50DiffMs} ms (target <= +${targets.tapP50DiffMs} ms)`,
        pass: t.p50DiffMs <= targets.tapP50DiffMs ? 'PASS' : 'FAIL',
      })
      out.push({
        metric: `Tap p95, text size ${t.textSize}`,
        app: tapMs(t.app.summary, 'p95'),
        floor: tapMs(t.floor.summary, 'p95'),
        versus: `${times(t.p95Ratio)} (target <= ${targets.tapP95Ratio}x)`,
        pass: t.p95Ratio === null ? 'n/a' : t.p95Ratio <= targets.tapP95Ratio ? 'PASS' : 'FAIL',
      })
      const a = t.app.slowestSplit
      const f = t.floor.slowestSplit
      const split = (x: typeof a) =>
        x ? `${x.inputDelayMs} / ${x.processingMs} / ${x.presentationMs}` : 'n/a'
      out.push({
        metric: `Slowest 5 %, ${t.textSize}: input delay / processing / presentation`,
        app: `${split(a)} ms`,
        floor: `${split(f)} ms`,
        versus: '',
        pass: '',
      })
    }
  } else failed('Tap latency', taps.error)

  const idle = metrics.idle
  if (idle.ok) {
    const i = idle.value
    const busy = (side: { busyPercentOfCore: number; busyMs: number }) =>
      `${side.busyPercentOfCore} % (${side.busyMs} ms)`
    const wakes = (side: { wakeUpsPerMinute: number }) => `${side.wakeUpsPerMinute} wake-ups/min`
    out.push({
      metric: `Idle start screen, ${round(i.startScreen.seconds / 60)} min: main-thread busy`,
      app: busy(i.startScreen),
      floor: busy(i.floor),
      versus: `${wakes(i.startScreen)}, floor ${wakes(i.floor)} (target <= ${targets.idleBusyPercent} %)`,
      pass: verdict(results, 'idleBusyPercent'),
    })
    out.push({
      metric: `Section page left open until the reset, ${round(i.midVisit.seconds)} s`,
      app: busy(i.midVisit),
      floor: busy(i.floor),
      versus: `${wakes(i.midVisit)}, reset ${i.midVisit.resetSeen ? 'came' : 'did NOT come'} (target <= ${targets.midVisitIdleBusyPercent} %)`,
      pass: verdict(results, 'midVisitIdleBusyPercent'),
    })
  } else failed('Idle', idle.error)

  const recovery = metrics.recovery
  if (recovery.ok) {
    const r = recovery.value
    out.push({
      metric: `Back after a crash (reload) vs cold start, takes taps (median of ${r.runsPerSide})`,
      app: ms(r.reload.readyMedianMs),
      floor: `${ms(r.coldStart.readyMedianMs)} cold`,
      versus: `${times(r.reloadRatio)} (target <= ${targets.recoveryRatio}x)`,
      pass: verdict(results, 'recoveryRatio'),
    })
    out.push({
      metric: 'Back after a crash (reload) vs cold start, app running',
      app: ms(r.reload.runningMedianMs),
      floor: `${ms(r.coldStart.runningMedianMs)} cold`,
      versus: times(r.reloadRunningRatio),
      pass: '',
    })
    out.push({
      metric: 'Back after a CDP renderer crash, takes taps',
      app: r.crash ? ms(r.crash.readyMedianMs) : 'n/a',
      floor: `${ms(r.coldStart.readyMedianMs)} cold`,
      versus: r.crash ? times(r.crashRatio) : (r.crashNote ?? ''),
      pass: '',
    })
  } else failed('Recovery', recovery.error)

  const print = metrics.print
  if (print.ok) {
    const p = print.value
    out.push(
      p.measured
        ? {
            metric: `Print: "Yes, print it" to job accepted by CUPS (${p.prints} prints)`,
            app: `p95 ${ms(p.acceptedP95Ms)}`,
            floor: '',
            versus: `p50 ${ms(p.acceptedP50Ms)}; PDF written, median ${ms(p.pdfWrittenMedianMs)}`,
            pass: '',
          }
        : {
            metric: 'Print: "Yes, print it" to job accepted by CUPS',
            app: 'not measured',
            floor: '',
            versus: p.reason,
            pass: 'n/a',
          },
    )
  } else failed('Print', print.error)

  const soak = results.soakRun?.soak
  if (soak?.ok) {
    const k = soak.value
    out.push({
      metric: `Soak (${results.soakRun?.date.slice(0, 16)}): heap after GC, visit ${k.baselineVisit} -> ${k.visits}`,
      app: `${k.heapAtBaselineMB} -> ${k.heapAtEndMB} MB`,
      floor: '',
      versus: `${k.heapGrowthMB >= 0 ? '+' : ''}${k.heapGrowthMB} MB (target within ${targets.soakHeapGrowthMB} MB)`,
      pass: verdict(results, 'soakHeapGrowthMB'),
    })
    out.push({
      metric: 'Soak: DOM counters back to the baseline after every reset',
      app: `${k.domMismatchCount} of ${k.resetsChecked} differ`,
      floor: '',
      versus: `nodes ${k.domAtBaseline.nodes}, documents ${k.domAtBaseline.documents}, listeners ${k.domAtBaseline.jsEventListeners}; ${k.resetsNeedingGc} needed a GC first`,
      pass: verdict(results, 'soakDomMismatches'),
    })
  } else if (soak && !soak.ok) failed('Soak', soak.error)

  const bundle = metrics.bundle
  if (bundle.ok) {
    const b = bundle.value
    out.push({
      metric: 'Start-up JS from index.html (gzip -9)',
      app: kb(b.app.startupJsGzipKB),
      floor: kb(b.floor.startupJsGzipKB),
      versus: `target <= ${targets.startupJsGzipKB} kB`,
      pass: verdict(results, 'startupJsGzipKB'),
    })
    if (b.appJsLoadedBeforeRunning) {
      out.push({
        metric: 'JS fetched before the app was running (gzip)',
        app: kb(b.appJsLoadedBeforeRunning.gzipKB),
        floor: kb(0),
        versus: `${b.appJsLoadedBeforeRunning.files.length} files`,
        pass: '',
      })
    }
    out.push({
      metric: 'Start-up CSS from index.html (gzip -9)',
      app: kb(b.app.startupCssGzipKB),
      floor: kb(b.floor.startupCssGzipKB),
      versus: '',
      pass: '',
    })
    out.push({
      metric: 'Whole build, raw / gzip',
      app: `${b.app.totalRawKB} / ${b.app.totalGzipKB} kB`,
      floor: `${b.floor.totalRawKB} / ${b.floor.totalGzipKB} kB`,
      versus: `${b.app.totalFiles} files`,
      pass: '',
    })
  } else failed('Bundle', bundle.error)

  const sheets = metrics.sheets
  if (sheets.ok) {
    for (const s of sheets.value.app) {
      out.push({
        metric: `Sheet PDF ${s.sheet} (${s.locale}): page.pdf()`,
        app: s.pdfMs === null ? 'null' : ms(s.pdfMs),
        floor: ms(sheets.value.floor.pdfMs),
        versus: s.note ?? `render ${ms(s.renderMs)}`,
        pass: '',
      })
    }
  } else failed('Sheet PDFs', sheets.error)
  return out
}

export function formatTable(results: BenchResults): string {
  const header: Row = {
    metric: 'Metric',
    app: 'App',
    floor: 'Floor',
    versus: 'Ratio / target',
    pass: 'Pass',
  }
  const all = [header, ...rows(results)]
  const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length))
  const keys: (keyof Row)[] = ['metric', 'app', 'floor', 'versus', 'pass']
  const line = (row: Row) => keys.map((key) => row[key].padEnd(width(key))).join(' | ')
  const rule = keys.map((key) => '-'.repeat(width(key))).join('-|-')
  const m = results.machine
  return [
    `Kiosk bench ${results.date}: ${m.cpus} x ${m.cpuModel}, ${m.memGB} GB, node ${m.node}, ${m.chromium}`,
    '',
    line(header),
    rule,
    ...all.slice(1).map(line),
  ].join('\n')
}

export function writeResults(file: string, results: BenchResults | { soakRun: SoakRun }): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
}

/** The last results file, if there is one that can be read. */
export function readResults(file: string): Partial<BenchResults> | null {
  if (!existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<BenchResults>
  } catch {
    return null
  }
}

/** The soak's run goes into the bench's results file, judged with the bench's figures. */
export function withSoak(results: BenchResults, soakRun: SoakRun | undefined): BenchResults {
  if (!soakRun) return results
  return { ...results, soakRun, pass: judge(results.metrics, soakRun.soak) }
}
