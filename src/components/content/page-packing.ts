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
 * A list that may break between its items (a document's sources): `continues[i]` when unit i
 * is an item that goes on from unit i - 1, with no gap between them, and `headingAgain`, the
 * height of the heading the list shows again when it goes on at the top of a page.
 */
export interface ListBreaks {
  continues: readonly boolean[]
  headingAgain: number
}

/**
 * Fills pages in reading order with units of the measured heights, each page as full as the
 * room allows. A unit is never cut: one taller than the room gets a page of its own (that page
 * then scrolls). Returns the indexes of the units on each page.
 */
export function packPages(
  heights: readonly number[],
  room: number,
  gap: number,
  list?: ListBreaks,
): number[][] {
  const pages: number[][] = []
  let page: number[] = []
  let used = 0
  heights.forEach((height, index) => {
    const continues = list?.continues[index] === true
    const atTop = continues ? height + list!.headingAgain : height
    const needed = page.length === 0 ? atTop : used + (continues ? 0 : gap) + height
    if (page.length > 0 && needed > room) {
      pages.push(page)
      page = [index]
      used = atTop
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

/**
 * A run of a document's sources shown as one list: the items from `from` up to (not with)
 * `to`, under the heading (or the heading again, marked as going on) and with the review date
 * where they fall.
 */
export interface SourcesPart {
  from: number
  to: number
  heading: 'first' | 'continued' | null
  reviewed: boolean
}

/**
 * The sources as page units, one an item, so a long list goes on to the next page instead of
 * scrolling: the first item with the heading, the last with the review date.
 */
export function sourcesPieces(count: number): SourcesPart[] {
  const pieces = Math.max(count, 1)
  return Array.from({ length: pieces }, (_, index) => ({
    from: index,
    to: Math.min(index + 1, count),
    heading: index === 0 ? 'first' : null,
    reviewed: index === pieces - 1,
  }))
}

/** A page's pieces as one list; one that goes on from the page before shows its heading again. */
export function joinPieces(pieces: readonly SourcesPart[]): SourcesPart | null {
  const first = pieces[0]
  const last = pieces.at(-1)
  if (!first || !last) return null
  return {
    from: first.from,
    to: last.to,
    heading: first.heading ?? 'continued',
    reviewed: last.reviewed,
  }
}
