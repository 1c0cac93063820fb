import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')
const policyOf = (html: string) =>
  html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? ''

describe('content security policy of the kiosk page', () => {
  const policy = policyOf(read('src/index.html'))
  const directive = (name: string) =>
    policy
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${name} `))

  it('exists and denies everything by default', () => {
    expect(directive('default-src')).toBe("default-src 'none'")
  })

  it('allows only the app own scripts: no inline script, no eval', () => {
    expect(directive('script-src')).toBe("script-src 'self'")
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval/)
  })

  it('names no remote origin anywhere', () => {
    expect(policy).not.toMatch(/https?:|wss?:|\*/)
    expect(directive('object-src')).toBe("object-src 'none'")
    expect(directive('frame-src')).toBe("frame-src 'none'")
  })
})

describe('offline page', () => {
  const html = read('src/public/offline.html')

  it('retries the kiosk by itself, without any script', () => {
    expect(html).toMatch(/http-equiv="refresh" content="\d+; url=index\.html"/)
    expect(html).not.toMatch(/<script/i)
    expect(policyOf(html)).toContain("default-src 'none'")
  })
})
