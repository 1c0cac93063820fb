import { blockTexts } from '@shared/block-text'
import type { Block } from '@shared/content-schema'

/** Words a block takes on screen; a drawing takes the room of a short paragraph. */
function wordsIn(block: Block): number {
  const words = blockTexts(block, { titles: true }).join(' ').split(/\s+/).filter(Boolean).length
  const drawings =
    block.kind === 'image' ? 1 : block.kind === 'stretch' ? (block.alternative ? 2 : 1) : 0
  return words + drawings * drawingWords
}
const drawingWords = 40

/**
 * Splits a section into screen-sized pages so a visitor taps "Next" instead of scrolling. A
 * block is never cut; a block longer than a page gets a page of its own. Question-and-answer
 * blocks are split between pairs, since each pair stands alone.
 */
export function paginateBlocks(blocks: Block[], wordsPerPage: number): Block[][] {
  const units = blocks.flatMap((block): Block[] =>
    block.kind === 'qa' ? chunkPairs(block, wordsPerPage) : [block],
  )
  const pages: Block[][] = []
  let page: Block[] = []
  let words = 0
  for (const unit of units) {
    const size = wordsIn(unit)
    if (page.length > 0 && words + size > wordsPerPage) {
      pages.push(page)
      page = []
      words = 0
    }
    page.push(unit)
    words += size
  }
  if (page.length > 0) pages.push(page)
  return pages
}

function chunkPairs(block: Extract<Block, { kind: 'qa' }>, wordsPerPage: number): Block[] {
  const chunks: Block[] = []
  let pairs: typeof block.pairs = []
  let words = 0
  for (const pair of block.pairs) {
    const size = `${pair.question} ${pair.answer}`.split(/\s+/).length
    if (pairs.length > 0 && words + size > wordsPerPage) {
      chunks.push({ kind: 'qa', pairs })
      pairs = []
      words = 0
    }
    pairs.push(pair)
    words += size
  }
  if (pairs.length > 0) chunks.push({ kind: 'qa', pairs })
  return chunks
}
