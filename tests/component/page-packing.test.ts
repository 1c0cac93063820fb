import { describe, expect, it } from 'vitest'
import type { Block } from '@shared/content-schema'
import { packPages, pageOfUnit, pageUnits } from '@/components/content/page-packing'

describe('packPages', () => {
  it('keeps what fits on one page', () => {
    expect(packPages([100, 200, 300], 640, 20)).toEqual([[0, 1, 2]])
  })

  it('counts the gap between units, and starts a page when the next unit would not fit', () => {
    // 300 + 20 + 300 = 620 fits 620; the third does not.
    expect(packPages([300, 300, 300], 620, 20)).toEqual([[0, 1], [2]])
    expect(packPages([300, 300, 300], 619, 20)).toEqual([[0], [1], [2]])
  })

  it('gives a unit taller than the room a page of its own, never cutting it', () => {
    expect(packPages([100, 900, 100], 500, 10)).toEqual([[0], [1], [2]])
  })

  it('finds the page that holds a unit, so a re-split keeps the place', () => {
    const before = packPages([200, 200, 200, 200], 420, 20)
    const after = packPages([200, 200, 200, 200], 1000, 20)
    expect(pageOfUnit(before, 2)).toBe(1)
    expect(pageOfUnit(after, 2)).toBe(0)
  })
})

describe('pageUnits', () => {
  it('lets each question and answer stand alone, and leaves out page breaks', () => {
    const pair = { question: 'Q?', answer: 'A.' }
    const blocks: Block[] = [
      { kind: 'paragraph', text: 'One.' },
      { kind: 'page-break' },
      { kind: 'qa', pairs: [pair, pair, pair] },
    ]
    const units = pageUnits(blocks)
    expect(units.map((u) => u.kind)).toEqual(['paragraph', 'qa', 'qa', 'qa'])
    expect(units.every((u) => u.kind !== 'qa' || u.pairs.length === 1)).toBe(true)
  })
})
