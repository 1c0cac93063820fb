import { describe, expect, it } from 'vitest'
import type { Block } from '@shared/content-schema'
import { paginateBlocks } from '@/components/content/paginate-blocks'

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ')
const paragraph = (n: number): Block => ({ kind: 'paragraph', text: words(n) })

describe('paginateBlocks', () => {
  it('keeps a short section on one page', () => {
    expect(paginateBlocks([paragraph(10), paragraph(20)], 90)).toHaveLength(1)
  })

  it('starts a new page when the next block would not fit, never cutting a block', () => {
    const pages = paginateBlocks([paragraph(50), paragraph(50), paragraph(30)], 90)
    expect(pages.map((p) => p.length)).toEqual([1, 2])
  })

  it('gives a block longer than a page a page of its own', () => {
    const pages = paginateBlocks([paragraph(10), paragraph(200), paragraph(10)], 90)
    expect(pages.map((p) => p.length)).toEqual([1, 1, 1])
  })

  it('splits questions and answers between pairs', () => {
    const pair = { question: words(5), answer: words(35) }
    const pages = paginateBlocks([{ kind: 'qa', pairs: [pair, pair, pair, pair] }], 90)
    expect(pages).toHaveLength(2)
    expect(pages.flat().every((b) => b.kind === 'qa' && b.pairs.length === 2)).toBe(true)
  })
})
