import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContentStore } from '../../../electron/services/content-store'
import type { ContentDocument, Locale } from '../../../electron/shared/content-schema'

const folder = fileURLToPath(new URL('../../../resources/illustrations/', import.meta.url))
const files = readdirSync(folder).filter((name) => name.endsWith('.svg'))
const used = new Set<string>()

beforeAll(async () => {
  const store = createContentStore({ contentDir: fileURLToPath(new URL('../../../content', import.meta.url)) })
  for (const locale of ['en', 'es'] as Locale[]) {
    const { content } = await store.load(locale)
    const docs: ContentDocument[] = [...content.sections, ...content.sheets, content.about]
    for (const doc of docs) {
      used.add(doc.illustration)
      for (const block of doc.blocks)
        if (block.kind === 'image' || block.kind === 'stretch') used.add(block.illustration)
    }
  }
})

describe('illustrations', () => {
  it('exist for every illustration the content names, in both languages', () => {
    const available = new Set(files.map((name) => name.replace(/\.svg$/, '')))
    expect([...used].filter((id) => !available.has(id))).toEqual([])
    expect(used.size).toBeGreaterThanOrEqual(16)
  })

  it.each(files)('%s is a self-contained drawing with no script or remote resource', (name) => {
    const svg = readFileSync(`${folder}${name}`, 'utf8')
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg).toMatch(/viewBox="[\d\s.]+"/)
    expect(svg).not.toMatch(/<script|<foreignObject|<image|\son[a-z]+=|javascript:/i)
    expect(svg).not.toMatch(/(href|src)="(https?:)?\/\//i)
    expect(svg).not.toMatch(/@import|url\((?!#)/i)
  })
})
