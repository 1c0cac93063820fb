import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../electron/shared/content-security-policy'
import { contentSecurityPolicyPlugin } from '../../../scripts/content-security-policy-plugin'

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')
const policyOf = (html: string) =>
  html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? ''

/** index.html as the build writes it (not the dev server, which is looser for hot reload). */
function builtIndexHtml(html = read('src/index.html')): string {
  const transform = contentSecurityPolicyPlugin().transformIndexHtml as (
    html: string,
    context: { path: string; filename: string; server?: unknown },
  ) => string
  return transform(html, { path: '/index.html', filename: 'src/index.html' })
}

describe('content security policy of the kiosk page', () => {
  const policy = policyOf(builtIndexHtml())

  it('is the one policy the web host also sends, written into the built page', () => {
    expect(policy).toBe(contentSecurityPolicy)
  })

  it('cannot be left out: the build fails on an index.html without its place', () => {
    expect(() => builtIndexHtml('<!doctype html><title>kiosk</title>')).toThrow(
      /%KIOSK_CONTENT_SECURITY_POLICY%/,
    )
  })
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
