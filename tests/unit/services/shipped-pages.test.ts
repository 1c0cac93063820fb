import { cp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createContentStore } from '../../../electron/services/content-store'
import { createShippedPages } from '../../../electron/services/shipped-pages'
import { useTempFolder } from '../temp-folder'

const folder = useTempFolder('kiosk-shipped-')
const shippedFrom = (contentDir = 'content') =>
  createShippedPages(createContentStore({ contentDir }))

describe('the pages the app ships', () => {
  it('names every shipped section and sheet by its override key, per language', async () => {
    const shipped = shippedFrom()
    const english = await shipped.keys(['en'])
    expect([...english].sort()).toEqual([
      'en/section/causes',
      'en/section/daily-life',
      'en/section/get-help',
      'en/section/myths',
      'en/section/prevention',
      'en/section/questions',
      'en/section/symptoms',
      'en/section/treatment',
      'en/section/what-is',
      'en/section/what-to-expect',
      'en/sheet/home-care',
      'en/sheet/prevention',
      'en/sheet/stretches',
    ])
    const both = await shipped.keys(['en', 'es'])
    expect(both.size).toBe(2 * english.size)
    expect(both.has('es/sheet/stretches')).toBe(true)
  })

  it('says which page a change would add, and nothing for a page that ships', async () => {
    const shipped = shippedFrom()
    expect(await shipped.notShipped('en/section/what-is')).toBeNull()
    expect(await shipped.notShipped('es/sheet/home-care')).toBeNull()
    expect(await shipped.notShipped('en/section/my-page')).toEqual({
      code: 'not-shipped',
      params: { locale: 'en', kind: 'section', id: 'my-page' },
    })
    // A section id used as a sheet is a page the app does not have.
    expect(await shipped.notShipped('en/sheet/what-is')).toEqual({
      code: 'not-shipped',
      params: { locale: 'en', kind: 'sheet', id: 'what-is' },
    })
  })

  it('has no pages in a language without usable content, without failing', async () => {
    const content = join(folder(), 'content')
    await cp('content', content, { recursive: true })
    await rm(join(content, 'es'), { recursive: true })
    const shipped = shippedFrom(content)
    const keys = await shipped.keys(['en', 'es'])
    expect([...keys].some((key) => key.startsWith('es/'))).toBe(false)
    expect(keys.has('en/section/what-is')).toBe(true)
    expect(await shipped.notShipped('es/section/what-is')).toMatchObject({ code: 'not-shipped' })
  })
})
