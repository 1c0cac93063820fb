import type { HeapGrowth } from './heap-snapshot'
import type { Share } from './profile-main-thread'
import type { BenchResults } from './results'

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
  const { coldStart, taps, memory, bundle } = results.metrics
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
  if (taps.ok) {
    const t = taps.value
    const split = t.appSlowestSplit
    if (split) {
      lines.push(
        `Slowest 5 % of app taps, mean: input delay ${split.inputDelayMs} ms, handlers ` +
          `${split.processingMs} ms, until next paint ${split.presentationMs} ms`,
      )
    }
    const kinds = Object.entries(t.appByKind)
      .map(([kind, s]) => `${kind} p95 ${s.p95Ms} ms (${s.taps})`)
      .join(', ')
    lines.push(`App taps by kind: ${kinds}`)
    const elements = Object.entries(t.elementsOnScreen)
      .map(([kind, n]) => `after ${kind} ${n}`)
      .join(', ')
    lines.push(`Elements in the document: ${elements}`)
    if (t.appProfile) {
      lines.push(`40 app taps, main thread (traced): ${list(t.appProfile.byActivity)}`)
      lines.push(`40 app taps, JS samples by module: ${list(t.appProfile.byModule, 8)}`)
      lines.push(`40 app taps, JS samples by function: ${list(t.appProfile.byFunction, 6)}`)
    }
  }
  if (memory.ok) {
    const m = memory.value
    lines.push(
      `Before visit 1, ${m.harnessWarmupRounds} rounds of Playwright's own calls on the start ` +
        'screen (trial clicks, queries, an empty evaluation, 1 ms of clock) warm its in-page code',
    )
    lines.push(
      `App heap after GC by visits: ${m.app.seriesMB.map((s) => `${s.visits}: ${s.heapMB}`).join(', ')} MB`,
    )
    lines.push(
      `Heap growth from visit 100 to ${m.visits} (warm): app ${m.app.growthAfterWarmupMB ?? 'n/a'} MB, ` +
        `floor ${m.floor.growthAfterWarmupMB ?? 'n/a'} MB`,
    )
    if (m.app.topGrowth?.length) {
      lines.push(`Grew most from visit 1 to ${m.visits}: ${growth(m.app.topGrowth)}`)
    }
    if (m.app.codeGrowthByScript?.length) {
      const byScript = m.app.codeGrowthByScript.map((g) => `${g.name} +${g.kBDelta} kB`).join(', ')
      lines.push(`Compiled code grown from visit 1 to ${m.visits}, by script: ${byScript}`)
    }
    if (m.app.topGrowthAfterWarmup?.length) {
      lines.push(`Grew most from visit 100 to ${m.visits}: ${growth(m.app.topGrowthAfterWarmup)}`)
    }
  }
  return lines.map((line) => `- ${line}`).join('\n')
}
