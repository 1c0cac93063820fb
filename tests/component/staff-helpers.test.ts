import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { keyboardLayouts, layoutFor } from '@/components/staff/keyboard-layouts'
import { useConfirmStore } from '@/stores/useConfirmStore'
import { blockFieldOf } from '@/views/staff/edit-problems'

describe('where a problem of a page shows in the editor', () => {
  it('is the field staff type in: the page title, a block field, a question, a chair version', () => {
    expect(blockFieldOf('title')).toBe('title')
    expect(blockFieldOf('blocks.2.items.0')).toBe('2:items')
    expect(blockFieldOf('blocks.1.items')).toBe('1:items')
    expect(blockFieldOf('blocks.3.pairs.1.answer')).toBe('3:pairs.1.answer')
    expect(blockFieldOf('blocks.4.alternative.steps.2')).toBe('4:alternative.steps')
    // Not a field staff can type in: said for the whole page.
    expect(blockFieldOf('blocks')).toBe('blocks')
    expect(blockFieldOf('visible')).toBe('visible')
  })
})

describe('the docked keyboard', () => {
  const input = (attributes: Record<string, string>) => {
    const element = document.createElement('input')
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
    return element
  }

  it('shows digits for numbers, a phone pad, web address keys or words, as the field asks', () => {
    expect(layoutFor(input({ inputmode: 'numeric' }))).toBe('numeric')
    expect(layoutFor(input({ inputmode: 'tel' }))).toBe('tel')
    expect(layoutFor(input({ inputmode: 'url' }))).toBe('url')
    expect(layoutFor(input({ type: 'url' }))).toBe('url')
    expect(layoutFor(input({}))).toBe('text')
    expect(layoutFor(document.createElement('textarea'))).toBe('text')
  })

  it('has . / and : for web addresses, and the accented letters Spanish needs', () => {
    const keys = (rows: string[]) => rows.join(' ').split(' ')
    for (const key of ['.', '/', ':', 'https://'])
      expect(keys(keyboardLayouts.url.default)).toContain(key)
    for (const key of ['á', 'é', 'í', 'ó', 'ú', 'ü', 'ñ', '¿', '¡'])
      expect(keys(keyboardLayouts.text.default)).toContain(key)
    for (const key of ['Á', 'É', 'Í', 'Ó', 'Ú', 'Ü', 'Ñ'])
      expect(keys(keyboardLayouts.text.shift)).toContain(key)
    for (const layout of Object.values(keyboardLayouts))
      for (const rows of [layout.default, layout.shift])
        for (const key of ['{bksp}', '{clear}', '{done}']) expect(keys(rows)).toContain(key)
  })
})

describe('a staff question', () => {
  it('answers with the choice tapped, and a question replaced by another gets its safest answer', async () => {
    setActivePinia(createPinia())
    const store = useConfirmStore()
    const choices = [
      { value: 'save', label: 'Save' },
      { value: 'keep', label: 'Keep editing' },
    ]
    const first = store.ask({ title: 'Unsaved', text: 'Save?', choices })
    const second = store.confirm({
      title: 'Exit?',
      text: 'Closes',
      action: 'Exit',
      cancel: 'Cancel',
    })
    await expect(first).resolves.toBe('keep')
    store.pending?.answer('yes')
    await expect(second).resolves.toBe(true)
    expect(store.pending).toBeNull()
  })
})
