import { describe, expect, it } from 'vitest'
import { isAppUrl } from '../../../electron/main/app-url'

describe('isAppUrl', () => {
  const built = 'app://kiosk/index.html'
  const dev = 'http://localhost:5173/'

  it('accepts every page of the app:// origin, whatever the path (the scheme handler decides which files exist)', () => {
    expect(isAppUrl('app://kiosk/index.html#/home', built)).toBe(true)
    expect(isAppUrl('app://kiosk/offline.html', built)).toBe(true)
    expect(isAppUrl('app://kiosk/', built)).toBe(true)
  })

  it('refuses other origins, file:// pages, and URLs that do not parse', () => {
    for (const url of [
      'app://other/index.html',
      'app://user@kiosk/index.html',
      'apps://kiosk/index.html',
      'file:///opt/kiosk/out/renderer/index.html',
      'file:///etc/passwd',
      'https://example.com/',
      'https://kiosk/',
      'javascript:alert(1)',
      'data:text/html,hi',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, built), url).toBe(false)
    }
  })

  it('does not throw on bad percent-escapes or backslashes: they are simply not compared', () => {
    expect(() => isAppUrl('app://kiosk/%E0%A4%A', built)).not.toThrow()
    expect(isAppUrl('app://evil/..%5C..%5Cetc', built)).toBe(false)
  })

  it('accepts only the dev server origin during development', () => {
    expect(isAppUrl('http://localhost:5173/#/section/causes', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://evil.localhost:5173/', dev)).toBe(false)
    expect(isAppUrl('app://kiosk/index.html', dev)).toBe(false)
  })

  it('trusts nothing when the entry itself has no host, as a file:// entry would not', () => {
    expect(isAppUrl('file:///app/index.html', 'file:///app/index.html')).toBe(false)
  })
})
