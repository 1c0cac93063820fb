import type { Block } from './content-schema'

/**
 * The words of a block a visitor reads, in reading order: used to read a page aloud, to
 * measure reading level and to check the medical facts. Ids, illustration names and alt text
 * are never included; headings only when asked for, since reading-level formulas leave them out.
 */
export function blockTexts(block: Block, options: { titles: boolean }): string[] {
  const title = (value: string | undefined) => (options.titles && value ? [value] : [])
  switch (block.kind) {
    case 'paragraph':
      return [block.text]
    case 'list':
    case 'steps':
      return [...title(block.title), ...block.items]
    case 'callout':
      return [...title(block.title), ...(block.text ? [block.text] : []), ...(block.items ?? [])]
    case 'image':
      return block.caption ? [block.caption] : []
    case 'qa':
      return block.pairs.flatMap((pair) => [pair.question, pair.answer])
    case 'stretch':
      return [
        ...title(block.title),
        ...block.steps,
        ...(block.alternative
          ? [...title(block.alternative.title), ...block.alternative.steps]
          : []),
      ]
    case 'summary':
      return [...title(block.title), ...block.items]
    case 'plan':
      return [...title(block.title), ...(block.text ? [block.text] : []), ...block.fields]
    case 'log':
      return [...title(block.title), block.text, ...block.rows]
    case 'page-break':
      return []
  }
}
