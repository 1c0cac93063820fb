import type { Block } from '@shared/content-schema'

/** A sheet's blocks, page by page: a page break block starts the next printed page. */
export function sheetPages(blocks: readonly Block[]): Block[][] {
  const pages: Block[][] = [[]]
  for (const block of blocks) {
    if (block.kind === 'page-break') pages.push([])
    else pages.at(-1)!.push(block)
  }
  const filled = pages.filter((page) => page.length > 0)
  return filled.length > 0 ? filled : [[]]
}
