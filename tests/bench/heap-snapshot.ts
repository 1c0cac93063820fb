import type { CDPSession } from '@playwright/test'
import { round } from './stats'

interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

/** Live objects by kind: a constructor's name, or V8's kind for the rest ("(closure)"...). */
export type HeapCensus = Map<string, { count: number; bytes: number }>

export interface HeapGrowth {
  name: string
  countDelta: number
  kBDelta: number
}

/** Takes a V8 heap snapshot through CDP (it collects garbage first) and counts its objects. */
export async function heapCensus(cdp: CDPSession): Promise<HeapCensus> {
  const chunks: string[] = []
  const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect)
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect)
  }
  const heap = JSON.parse(chunks.join('')) as HeapSnapshotJson
  const fields = heap.snapshot.meta.node_fields
  const types = heap.snapshot.meta.node_types[0]
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f))
  const census: HeapCensus = new Map()
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + (typeAt ?? 0)] ?? 0] ?? '?'
    const name =
      type === 'object' || type === 'native'
        ? (heap.strings[heap.nodes[i + (nameAt ?? 0)] ?? 0] ?? '?')
        : `(${type})`
    const entry = census.get(name) ?? { count: 0, bytes: 0 }
    entry.count += 1
    entry.bytes += heap.nodes[i + (sizeAt ?? 0)] ?? 0
    census.set(name, entry)
  }
  return census
}

/** What grew most between two censuses, by bytes. */
export function heapGrowth(before: HeapCensus, after: HeapCensus, limit = 10): HeapGrowth[] {
  return [...after]
    .map(([name, now]) => {
      const then = before.get(name) ?? { count: 0, bytes: 0 }
      return {
        name: name.length > 60 ? `${name.slice(0, 57)}...` : name,
        countDelta: now.count - then.count,
        kBDelta: round((now.bytes - then.bytes) / 1000),
      }
    })
    .filter((g) => g.kBDelta > 0)
    .sort((a, b) => b.kBDelta - a.kBDelta)
    .slice(0, limit)
}
