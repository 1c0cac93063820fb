import { describe, expect, it } from 'vitest'
import { benchScripts, compiledCodeByScript } from './code-by-script'
import type { HeapSnapshotJson } from './heap-snapshot'

type NodeSpec = [type: string, name: string, size: number, edges: [string, number][]]

/** A tiny V8 heap snapshot: nodes by index, each with its named edges to other nodes. */
function snapshot(specs: NodeSpec[]): HeapSnapshotJson {
  const nodeTypes = ['hidden', 'string', 'closure', 'code', 'synthetic']
  const edgeTypes = ['property', 'internal', 'weak']
  const strings: string[] = []
  const str = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1)
  const nodes: number[] = []
  const edges: number[] = []
  specs.forEach(([type, name, size, out], id) => {
    nodes.push(nodeTypes.indexOf(type), str(name), id, size, out.length)
    for (const [edgeName, to] of out) edges.push(1, str(edgeName), to * 5)
  })
  return {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
        node_types: [nodeTypes],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [edgeTypes],
      },
    },
    nodes,
    edges,
    strings,
  }
}

describe('compiledCodeByScript', () => {
  it('puts each piece of code on the script of the function that holds it', () => {
    const heap = snapshot([
      [
        'synthetic',
        '(root)',
        0,
        [
          ['a', 1],
          ['b', 6],
        ],
      ],
      ['closure', 'render', 32, [['shared', 2]]],
      [
        'code',
        'system / SharedFunctionInfo / render',
        40,
        [
          ['script', 3],
          ['data', 5],
        ],
      ],
      ['hidden', 'system / Script', 0, [['name', 4]]],
      ['string', 'http://127.0.0.1:4173/app/assets/platform-abc.js', 0, []],
      ['code', 'system / BytecodeArray', 300, [['code', 9]]],
      ['closure', 'probe', 32, [['shared', 7]]],
      [
        'code',
        'system / SharedFunctionInfo / probe',
        40,
        [
          ['script', 8],
          ['data', 10],
        ],
      ],
      ['hidden', 'system / Script', 0, []],
      ['code', 'system / InstructionStream', 1000, []],
      ['code', 'system / InstructionStream', 500, []],
    ])
    const census = compiledCodeByScript(heap)
    expect(census.get('platform-abc.js')).toEqual({ count: 3, bytes: 1340 })
    expect(census.get(benchScripts)).toEqual({ count: 2, bytes: 540 })
  })
})
