import type { Browser } from '@playwright/test'
import { round } from './stats'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  id?: string
  dur?: number
  args?: {
    name?: string
    data?: {
      url?: string
      cpuProfile?: { nodes?: { id: number; callFrame: CallFrame }[]; samples?: number[] }
      timeDeltas?: number[]
    }
  }
}

export interface Share {
  name: string
  ms: number
}

export interface MainThreadProfile {
  /** Main-thread self time by kind of work (timeline events, nested time not counted twice). */
  byActivity: Share[]
  /** Sampled JavaScript time by the module (npm package or project folder) that ran. */
  byModule: Share[]
  /** The functions with the most samples, as "function [module]". */
  byFunction: Share[]
}

/** Maps a script URL and a 0-based line to the module the bundler put there. */
export type ModuleResolver = (url: string, line: number) => string

const activityPatterns: [RegExp, string][] = [
  [/^(v8\.compile|v8\.compileModule|v8\.parseOnBackground)/, 'script compile'],
  [/GC|^BlinkGC/, 'garbage collection'],
  [
    /^(EvaluateScript|v8\.evaluateModule|v8\.run|v8\.callFunction|FunctionCall|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|AsyncTask Run|V8\.Execute)/,
    'script',
  ],
  [/^(UpdateLayoutTree|ParseAuthorStyleSheet|RecalculateStyles)/, 'style'],
  [/^Layout/, 'layout'],
  [/^(PrePaint|Paint|Layerize|UpdateLayer|Commit|CompositeLayers|PaintImage|Decode)/, 'paint'],
  [/^ParseHTML/, 'HTML parsing'],
]

const activityOf = (name: string): string =>
  activityPatterns.find(([pattern]) => pattern.test(name))?.[1] ?? 'other'

/** Self time (µs) by activity: each complete event's duration minus its nested events'. */
function selfTimeByActivity(events: TraceEvent[], into: Map<string, number>): void {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const items = sorted.map((event) => ({ event, self: event.dur ?? 0 }))
  const stack: typeof items = []
  for (const item of items) {
    const end = item.event.ts + (item.event.dur ?? 0)
    for (let top = stack.at(-1); top; top = stack.at(-1)) {
      if (top.event.ts + (top.event.dur ?? 0) >= end) break
      stack.pop()
    }
    const parent = stack.at(-1)
    if (parent) parent.self -= item.event.dur ?? 0
    stack.push(item)
  }
  for (const { event, self } of items) {
    // RunTask is the scheduler's wrapper: its self time is the task's uninstrumented rest.
    const activity = event.name === 'RunTask' ? 'other' : activityOf(event.name)
    into.set(activity, (into.get(activity) ?? 0) + self)
  }
}

/** Sampled self time (µs) by module, from the V8 CPU profile recorded in the trace. */
function sampledTime(
  events: TraceEvent[],
  resolve: ModuleResolver,
  byModule: Map<string, number>,
  byFunction: Map<string, number>,
): void {
  const frames = new Map<string, CallFrame>()
  for (const event of events) {
    if (event.name !== 'ProfileChunk') continue
    const data = event.args?.data
    for (const node of data?.cpuProfile?.nodes ?? []) {
      frames.set(`${event.id ?? ''}:${node.id}`, node.callFrame)
    }
    const samples = data?.cpuProfile?.samples ?? []
    const deltas = data?.timeDeltas ?? []
    samples.forEach((sample, i) => {
      const frame = frames.get(`${event.id ?? ''}:${sample}`)
      if (!frame || frame.functionName === '(idle)') return
      const fn = frame.functionName || '(anonymous)'
      const module = frame.url ? resolve(frame.url, frame.lineNumber) : `(native) ${fn}`
      const us = Math.max(0, deltas[i] ?? 0)
      byModule.set(module, (byModule.get(module) ?? 0) + us)
      const key = frame.url ? `${fn} [${module}]` : module
      byFunction.set(key, (byFunction.get(key) ?? 0) + us)
    })
  }
}

const shares = (totals: Map<string, number>, limit: number): Share[] =>
  [...totals]
    .map(([name, us]) => ({ name, ms: round(us / 1000) }))
    .filter((share) => share.ms > 0)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit)

/**
 * Traces `action` in Chromium and sums the work of the renderer that loaded `origin`: where
 * a slow start or a slow tap spends its time. Tracing slows the page: run it apart from
 * the timed runs.
 */
export async function profileMainThread(
  browser: Browser,
  origin: string,
  resolve: ModuleResolver,
  action: () => Promise<void>,
): Promise<MainThreadProfile> {
  await browser.startTracing(undefined, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'disabled-by-default-v8.cpu_profiler',
    ],
  })
  let trace: Buffer | undefined
  try {
    await action()
  } finally {
    trace = await browser.stopTracing()
  }
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
  const pages = new Set(
    traceEvents.filter((e) => e.args?.data?.url?.startsWith(origin)).map((e) => e.pid),
  )
  const mainThreads = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .filter((e) => pages.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const byThread = new Map<string, TraceEvent[]>()
  for (const event of traceEvents) {
    const thread = `${event.pid}:${event.tid}`
    if (event.ph !== 'X' || !mainThreads.has(thread)) continue
    const list = byThread.get(thread) ?? []
    list.push(event)
    byThread.set(thread, list)
  }
  const activity = new Map<string, number>()
  for (const events of byThread.values()) selfTimeByActivity(events, activity)
  const modules = new Map<string, number>()
  const functions = new Map<string, number>()
  sampledTime(
    traceEvents.filter((e) => pages.has(e.pid)),
    resolve,
    modules,
    functions,
  )
  return {
    byActivity: shares(activity, 10),
    byModule: shares(modules, 12),
    byFunction: shares(functions, 12),
  }
}
