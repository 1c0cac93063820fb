import { describe, expect, it } from 'vitest'
import type { Block } from '@shared/content-schema'
import {
  joinPieces,
  packPages,
  pageOfUnit,
  pageUnits,
  sourcesPieces,
} from '@/components/content/page-packing'

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

  it('breaks a long list between its items, with no gap inside it and its heading again on the next page', () => {
    // A 300 px block, then a list of four 100 px items (the first with its 50 px heading).
    const heights = [300, 150, 100, 100, 100]
    const list = { continues: [false, false, true, true, true], headingAgain: 50 }
    // 300 + 20 + 150 = 470; the next item alone would need 570 > 500.
    expect(packPages(heights, 500, 20, list)).toEqual([
      [0, 1],
      [2, 3, 4],
    ])
    // Where the list goes on, its heading again: 50 + 100 + 100 = 250 fits 250, not 249.
    expect(packPages(heights, 250, 20, list)).toEqual([[0], [1, 2], [3, 4]])
    expect(packPages(heights, 249, 20, list)).toEqual([[0], [1], [2], [3], [4]])
    expect(packPages(heights, 249, 20, { ...list, headingAgain: 0 })).toEqual([
      [0],
      [1],
      [2, 3],
      [4],
    ])
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

describe('sources as page units', () => {
  it('gives each source a unit, the heading with the first and the review date with the last', () => {
    expect(sourcesPieces(3)).toEqual([
      { from: 0, to: 1, heading: 'first', reviewed: false },
      { from: 1, to: 2, heading: null, reviewed: false },
      { from: 2, to: 3, heading: null, reviewed: true },
    ])
    expect(sourcesPieces(0)).toEqual([{ from: 0, to: 0, heading: 'first', reviewed: true }])
  })

  it("shows a page's sources as one list, with the heading again when it goes on from the page before", () => {
    const [first, second, third] = sourcesPieces(3)
    expect(joinPieces([first!, second!])).toEqual({
      from: 0,
      to: 2,
      heading: 'first',
      reviewed: false,
    })
    expect(joinPieces([second!, third!])).toEqual({
      from: 1,
      to: 3,
      heading: 'continued',
      reviewed: true,
    })
    expect(joinPieces([])).toBeNull()
  })
})
