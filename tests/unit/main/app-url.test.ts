import { describe, expect, it } from 'vitest'
import { isAppUrl } from '../../../electron/main/app-url'

describe('isAppUrl', () => {
  const built = 'file:///opt/kiosk/out/renderer/index.html'
  const dev = 'http://localhost:5173/'

  it('accepts the built renderer pages and its routes', () => {
    expect(isAppUrl('file:///opt/kiosk/out/renderer/index.html#/home', built)).toBe(true)
    expect(isAppUrl('file:///opt/kiosk/out/renderer/offline.html', built)).toBe(true)
  })

  it('refuses other files, parent folders and remote sites', () => {
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false)
    expect(isAppUrl('file:///opt/kiosk/out/renderer/../main/index.js', built)).toBe(false)
    expect(isAppUrl('file:///opt/kiosk/out/renderer/%2e%2e/main/index.js', built)).toBe(false)
    expect(isAppUrl('https://example.com/', built)).toBe(false)
    expect(isAppUrl('javascript:alert(1)', built)).toBe(false)
    expect(isAppUrl('data:text/html,hi', built)).toBe(false)
    expect(isAppUrl('not a url', built)).toBe(false)
  })

  it('accepts only the dev server origin during development', () => {
    expect(isAppUrl('http://localhost:5173/#/section/causes', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://evil.localhost:5173/', dev)).toBe(false)
    expect(isAppUrl('file:///opt/kiosk/out/renderer/index.html', dev)).toBe(false)
  })
})
