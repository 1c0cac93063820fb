import type { HeapGrowth } from './heap-snapshot'
import type { Share } from './profile-main-thread'
import type { BenchResults } from './results'
import { round } from './stats'

const list = (shares: Share[], limit = 6) =>
  shares
    .slice(0, limit)
    .map((s) => `${s.name} ${s.ms} ms`)
    .join(', ')

const growth = (kinds: HeapGrowth[]) =>
  kinds
    .slice(0, 6)
    .map((g) => `${g.name} +${g.kBDelta} kB (${g.countDelta >= 0 ? '+' : ''}${g.countDelta})`)
    .join(', ')

/** The figures that explain the table: printed under it, and quoted in docs/performance.md. */
export function formatEvidence(results: BenchResults): string {
  const lines: string[] = []
  const { coldStart, startupScripts, taps, idle, bundle } = results.metrics
  if (coldStart.ok) {
    const p = coldStart.value.appPhasesMedian
    lines.push(
      `Cold start, app milestones (median): first script loaded ${p.firstScriptLoadedMs} ms, ` +
        `DOMContentLoaded ${p.domContentLoadedMs} ms, last script loaded ${p.lastScriptLoadedMs} ms, ` +
        `start screen ready ${p.readyMs} ms, app running ${p.runningMs} ms`,
    )
    const profile = coldStart.value.appProfile
    if (profile) {
      lines.push(`Cold start, main thread (1 traced run): ${list(profile.byActivity)}`)
      lines.push(`Cold start, JS samples by module: ${list(profile.byModule, 8)}`)
      lines.push(`Cold start, JS samples by function: ${list(profile.byFunction, 6)}`)
    }
  }
  if (bundle.ok) {
    const loaded = bundle.value.appJsLoadedBeforeRunning
    if (loaded) {
      const files = [...loaded.files].sort((a, b) => b.gzipBytes - a.gzipBytes)
      lines.push(
        `JS fetched before running: ${files.length} files, ${loaded.gzipKB} kB gzip; largest ` +
          files
            .slice(0, 3)
            .map((f) => `${f.file} ${f.gzipKB} kB`)
            .join(', '),
      )
    }
    for (const chunk of bundle.value.largestAppChunks.slice(0, 3)) {
      const modules = chunk.modules
        .slice(0, 6)
        .map((m) => `${m.name} ${Math.round(m.rawBytes / 1000)} kB`)
        .join(', ')
      lines.push(
        `${chunk.file}: ${chunk.rawKB} kB raw, ${chunk.gzipKB} kB gzip; raw by module: ${modules}`,
      )
    }
  }
  if (startupScripts.ok) {
    const files = startupScripts.value.scripts
      .map((f) => `${f.path} ${f.gzipBytes === null ? '?' : round(f.gzipBytes / 1024)} KiB`)
      .join(', ')
    lines.push(`Scripts before network idle (gzip -9): ${files}`)
    const others = startupScripts.value.others.map((f) => `${f.path} (${f.type})`).join(', ')
    lines.push(`Other requests before the first tap: ${others || 'none'}`)
  }
  if (taps.ok) {
    const t = taps.value
    lines.push(
      `Taps swap the home screen and ${t.section}'s first page, app and floor in turns, ` +
        `${t.blocksPerSize} blocks per text size`,
    )
    for (const size of t.bySize) {
      const elements = (e: typeof size.app.elements) =>
        `home ${e.home ?? '?'}, section ${e.tile ?? '?'}`
      const frame = size.app.screenChange
      lines.push(
        `Text size ${size.textSize}: elements app ${elements(size.app.elements)}, floor ` +
          `${elements(size.floor.elements)}; app tap to the new screen's frame p50/p95 ` +
          `${frame ? `${frame.p50Ms}/${frame.p95Ms} ms, in the entry ${frame.coveredByEventTiming}/${frame.taps}` : 'n/a'}`,
      )
    }
    if (t.appProfile) {
      lines.push(`40 app taps, main thread (traced): ${list(t.appProfile.byActivity)}`)
      lines.push(`40 app taps, JS samples by module: ${list(t.appProfile.byModule, 8)}`)
      lines.push(`40 app taps, JS samples by function: ${list(t.appProfile.byFunction, 6)}`)
    }
  }
  if (idle.ok) {
    const wakes = (w: { setTimeout: number; setInterval: number; requestAnimationFrame: number }) =>
      `setTimeout ${w.setTimeout}, setInterval ${w.setInterval}, rAF ${w.requestAnimationFrame}`
    lines.push(`Idle start screen wake-ups: ${wakes(idle.value.startScreen.wakeUps)}`)
    lines.push(
      `Section page left open, wake-ups until the reset: ${wakes(idle.value.midVisit.wakeUps)}`,
    )
  }
  const soak = results.soakRun?.soak
  if (soak?.ok) {
    const k = soak.value
    lines.push(
      `Soak: ${k.visits} visits in ${k.seconds} s (${k.visitsPerSecond}/s); extras ` +
        Object.entries(k.extras)
          .map(([name, n]) => `${name} ${n}`)
          .join(', '),
    )
    lines.push(
      `Soak heap after GC: ${k.heapSeriesMB.map((s) => `${s.visits}: ${s.heapMB}`).join(', ')} MB`,
    )
    if (k.topGrowth.length)
      lines.push(`Soak, grew most from visit ${k.baselineVisit}: ${growth(k.topGrowth)}`)
    if (k.codeGrowthByScript?.length)
      lines.push(`Soak, compiled code that grew, by script: ${growth(k.codeGrowthByScript)}`)
    if (k.domMismatches.length) {
      lines.push(
        `Soak, resets not back to the baseline DOM: ${k.domMismatches
          .map(
            (m) =>
              `visit ${m.visit} nodes ${m.counters.nodes} docs ${m.counters.documents} listeners ${m.counters.jsEventListeners} at ${m.hash || '/'} (${m.screens.join(', ') || 'no screen'}; ${m.backAtNextReset ? 'back at the next reset' : 'not back at the next reset'})`,
          )
          .join('; ')}`,
      )
    }
  }
  return lines.map((line) => `- ${line}`).join('\n')
}
