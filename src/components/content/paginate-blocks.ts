import type { Block } from '@shared/content-schema'

function wordsIn(block: Block): number {
  const texts: string[] = []
  switch (block.kind) {
    case 'paragraph':
      texts.push(block.text)
      break
    case 'list':
    case 'steps':
      texts.push(block.title ?? '', ...block.items)
      break
    case 'callout':
      texts.push(block.title, block.text ?? '', ...(block.items ?? []))
      break
    case 'image':
      // A drawing takes the room of a short paragraph on screen.
      return 40
    case 'qa':
      texts.push(...block.pairs.flatMap((pair) => [pair.question, pair.answer]))
      break
    case 'stretch':
      texts.push(block.title, ...block.steps)
      return texts.join(' ').split(/\s+/).length + 40
  }
  return texts.join(' ').split(/\s+/).filter(Boolean).length
}

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
