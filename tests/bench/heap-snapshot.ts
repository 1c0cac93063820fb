import type { CDPSession } from '@playwright/test'
import { compiledCodeByScript } from './code-by-script'
import { round } from './stats'

export interface HeapSnapshotJson {
  snapshot: {
    meta: {
      node_fields: string[]
      node_types: [string[], ...unknown[]]
      edge_fields: string[]
      edge_types: [string[], ...unknown[]]
    }
  }
  nodes: number[]
  edges: number[]
  strings: string[]
}

/** Live objects by kind: a constructor's name, or V8's kind for the rest ("(closure)"...). */
export type HeapCensus = Map<string, { count: number; bytes: number }>

export interface HeapGrowth {
  name: string
  countDelta: number
  kBDelta: number
}

/** Live objects by kind, and compiled code by the script it belongs to. */
export interface HeapCounts {
  kinds: HeapCensus
  codeByScript: HeapCensus
}

/** Takes a V8 heap snapshot through CDP (it collects garbage first) and counts its objects. */
export async function heapCensus(cdp: CDPSession): Promise<HeapCounts> {
  const heap = await takeHeapSnapshot(cdp)
  return { kinds: countKinds(heap), codeByScript: compiledCodeByScript(heap) }
}

async function takeHeapSnapshot(cdp: CDPSession): Promise<HeapSnapshotJson> {
  const chunks: string[] = []
  const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect)
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect)
  }
  return JSON.parse(chunks.join('')) as HeapSnapshotJson
}

function countKinds(heap: HeapSnapshotJson): HeapCensus {
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
