import { describe, expect, it } from 'vitest'

const files = import.meta.glob<Record<string, unknown>>('../../src/i18n/*/*.json', {
  eager: true,
  import: 'default',
})

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  )
}

function byLocale(locale: string): Map<string, string> {
  const messages = new Map<string, string>()
  for (const [path, content] of Object.entries(files)) {
    if (!path.includes(`/i18n/${locale}/`)) continue
    for (const key of keys(content))
      messages.set(
        key,
        String(
          key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], content),
        ),
      )
  }
  return messages
}

describe('interface strings', () => {
  const en = byLocale('en')
  const es = byLocale('es')

  it('have the same keys in English and Spanish', () => {
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort())
  })

  it('are never empty, and Spanish is not left in English', () => {
    for (const [key, text] of es) {
      expect(text.trim(), key).not.toBe('')
      if (text.length > 12 && !/^(English|Español)$/.test(text))
        expect(text, key).not.toBe(en.get(key))
    }
  })

  it('keep the same {placeholders} in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join(',')
    for (const [key, text] of en)
      expect(placeholders(es.get(key) ?? ''), key).toBe(placeholders(text))
  })
})
