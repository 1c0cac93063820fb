import type { Block } from '@shared/content-schema'

/**
 * What a topic's pages are made of: its blocks, whole, except that each question and answer
 * stands alone (so a long list of questions can break between any two). Page breaks are for
 * printed sheets only.
 */
export function pageUnits(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block): Block[] => {
    if (block.kind === 'page-break') return []
    if (block.kind === 'qa') return block.pairs.map((pair) => ({ kind: 'qa', pairs: [pair] }))
    return [block]
  })
}

/**
 * Fills pages in reading order with units of the measured heights, each page as full as the
 * room allows. A unit is never cut: one taller than the room gets a page of its own (that page
 * then scrolls). Returns the indexes of the units on each page.
 */
export function packPages(heights: readonly number[], room: number, gap: number): number[][] {
  const pages: number[][] = []
  let page: number[] = []
  let used = 0
  heights.forEach((height, index) => {
    const needed = page.length === 0 ? height : used + gap + height
    if (page.length > 0 && needed > room) {
      pages.push(page)
      page = [index]
      used = height
      return
    }
    page.push(index)
    used = needed
  })
  if (page.length > 0) pages.push(page)
  return pages.length > 0 ? pages : [[]]
}

/** The page that holds a unit, so a re-split keeps the visitor where they were. */
export function pageOfUnit(pages: readonly number[][], unit: number): number {
  const found = pages.findIndex((page) => page.includes(unit))
  return found >= 0 ? found : 0
}
