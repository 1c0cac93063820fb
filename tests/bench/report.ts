import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { BenchResults, TargetName } from './results'
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
const mb = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${v} MB`)
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
  } else failed('Cold start', cold.error)

  const taps = metrics.taps
  if (taps.ok) {
    const t = taps.value
    out.push({
      metric: `Tap latency p50 (${t.app.taps} app taps, ${t.floor.taps} floor taps)`,
      app: tapMs(t.app, 'p50'),
      floor: tapMs(t.floor, 'p50'),
      versus: '',
      pass: '',
    })
    out.push({
      metric: 'Tap latency p95',
      app: tapMs(t.app, 'p95'),
      floor: tapMs(t.floor, 'p95'),
      versus: `${times(t.p95Ratio)} (target <= ${targets.tapP95Ms} ms)`,
      pass: verdict(results, 'tapP95Ms'),
    })
    if (t.appScreenChange) {
      out.push({
        metric: "Tap to new screen's frame start, p50 / p95",
        app: `${t.appScreenChange.p50Ms} / ${t.appScreenChange.p95Ms} ms`,
        floor: '',
        versus: `in the entry's paint: ${t.appScreenChange.coveredByEventTiming}/${t.appScreenChange.taps}`,
        pass: '',
      })
    }
  } else failed('Tap latency', taps.error)

  const memory = metrics.memory
  if (memory.ok) {
    const m = memory.value
    out.push({
      metric: 'JS heap after GC, 1 visit',
      app: mb(m.app.afterOneVisitMB),
      floor: mb(m.floor.afterOneVisitMB),
      versus: times(m.afterOneVisitRatio),
      pass: '',
    })
    out.push({
      metric: `JS heap growth, 1 -> ${m.visits} visits with idle resets`,
      app: mb(m.app.growthMB),
      floor: mb(m.floor.growthMB),
      versus: `target <= ${targets.memoryGrowthMB} MB`,
      pass: verdict(results, 'memoryGrowthMB'),
    })
  } else failed('Memory', memory.error)

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

export function writeResults(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
}
