import type { HeapCensus, HeapSnapshotJson } from './heap-snapshot'

/** How far up its retainers a piece of code is followed to find the function it belongs to. */
const maxDepth = 6

/** Scripts without a URL: Playwright's injected scripts and evaluate calls, not the app. */
export const benchScripts = '(no URL: the bench itself)'

/**
 * V8's compiled code (bytecode, baseline and optimised machine code, their metadata) by the
 * script whose function it belongs to, so heap growth in "(code)" can be pinned on a chunk.
 * Each code object is walked up its retainers to the nearest function (a closure or a
 * SharedFunctionInfo), whose script's URL names the chunk.
 */
export function compiledCodeByScript(heap: HeapSnapshotJson): HeapCensus {
  const { node_fields, node_types, edge_fields, edge_types } = heap.snapshot.meta
  const nodeSize = node_fields.length
  const edgeSize = edge_fields.length
  const nodeTypes = node_types[0]
  const edgeTypes = edge_types[0]
  const at = (fields: string[], name: string) => fields.indexOf(name)
  const [typeAt, nameAt, selfSizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map(
    (f) => at(node_fields, f),
  ) as [number, number, number, number]
  const [edgeTypeAt, edgeNameAt, toNodeAt] = ['type', 'name_or_index', 'to_node'].map((f) =>
    at(edge_fields, f),
  ) as [number, number, number]
  const nodes = heap.nodes
  const edges = heap.edges
  const count = nodes.length / nodeSize
  const field = (node: number, offset: number) => nodes[node * nodeSize + offset] ?? 0
  const typeOf = (node: number) => nodeTypes[field(node, typeAt)] ?? '?'
  const nameOf = (node: number) => heap.strings[field(node, nameAt)] ?? ''

  const firstEdge = new Int32Array(count + 1)
  for (let node = 0; node < count; node += 1)
    firstEdge[node + 1] = (firstEdge[node] ?? 0) + field(node, edgeCountAt)
  const isStrong = (edge: number) => edgeTypes[edges[edge * edgeSize + edgeTypeAt] ?? 0] !== 'weak'
  const target = (edge: number) => (edges[edge * edgeSize + toNodeAt] ?? 0) / nodeSize

  // Retainers in compressed rows: retainerStart[n]..retainerStart[n+1] index retainerList.
  const retainerStart = new Int32Array(count + 1)
  for (let edge = 0; edge < (firstEdge[count] ?? 0); edge += 1)
    if (isStrong(edge)) retainerStart[target(edge) + 1] = (retainerStart[target(edge) + 1] ?? 0) + 1
  for (let node = 0; node < count; node += 1)
    retainerStart[node + 1] = (retainerStart[node + 1] ?? 0) + (retainerStart[node] ?? 0)
  const retainerList = new Int32Array(retainerStart[count] ?? 0)
  const filled = retainerStart.slice(0, count)
  for (let node = 0; node < count; node += 1)
    for (let edge = firstEdge[node] ?? 0; edge < (firstEdge[node + 1] ?? 0); edge += 1)
      if (isStrong(edge)) {
        const to = target(edge)
        retainerList[filled[to] ?? 0] = node
        filled[to] = (filled[to] ?? 0) + 1
      }

  const namedEdge = (node: number, name: string): number | undefined => {
    for (let edge = firstEdge[node] ?? 0; edge < (firstEdge[node + 1] ?? 0); edge += 1) {
      const kind = edgeTypes[edges[edge * edgeSize + edgeTypeAt] ?? 0]
      if (kind === 'element' || kind === 'hidden') continue
      if (heap.strings[edges[edge * edgeSize + edgeNameAt] ?? 0] === name) return target(edge)
    }
    return undefined
  }
  const isFunction = (node: number) =>
    typeOf(node) === 'closure' || nameOf(node).startsWith('system / SharedFunctionInfo')
  const scriptOf = (fn: number): string => {
    const shared = typeOf(fn) === 'closure' ? (namedEdge(fn, 'shared') ?? fn) : fn
    const script = namedEdge(shared, 'script')
    const source = script === undefined ? undefined : namedEdge(script, 'name')
    const url = source === undefined ? '' : nameOf(source)
    return url === '' ? benchScripts : url.replace(/^.*\//, '')
  }
  const ownerOf = (start: number): string => {
    const seen = new Set([start])
    let frontier = [start]
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth += 1) {
      const next: number[] = []
      for (const node of frontier)
        for (let r = retainerStart[node] ?? 0; r < (retainerStart[node + 1] ?? 0); r += 1) {
          const retainer = retainerList[r] ?? 0
          if (seen.has(retainer)) continue
          seen.add(retainer)
          if (isFunction(retainer)) return scriptOf(retainer)
          next.push(retainer)
        }
      frontier = next
    }
    return '(no function found)'
  }

  const census: HeapCensus = new Map()
  for (let node = 0; node < count; node += 1) {
    if (typeOf(node) !== 'code') continue
    const script = isFunction(node) ? scriptOf(node) : ownerOf(node)
    const entry = census.get(script) ?? { count: 0, bytes: 0 }
    entry.count += 1
    entry.bytes += field(node, selfSizeAt)
    census.set(script, entry)
  }
  return census
}
