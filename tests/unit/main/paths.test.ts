import { describe, expect, it } from 'vitest'
import { printRouteUrl, resolveAppPaths } from '../../../electron/main/paths'

describe('resolveAppPaths', () => {
  const base = { mainDir: '/app/out/main', appPath: '/app', resourcesPath: '/opt/kiosk/resources' }

  it('serves the built renderer as app://kiosk/ and loads the preload as CommonJS', () => {
    const paths = resolveAppPaths({ ...base, packaged: false })
    expect(paths.rendererEntryUrl).toBe('app://kiosk/index.html')
    expect(paths.offlineUrl).toBe('app://kiosk/offline.html')
    expect(paths.rendererDir).toBe('/app/out/renderer')
    expect(paths.preload).toBe('/app/out/preload/index.cjs')
    expect(paths.contentDir).toBe('/app/content')
  })

  it('reads content beside the packaged app so IT can see it', () => {
    expect(resolveAppPaths({ ...base, packaged: true }).contentDir).toBe(
      '/opt/kiosk/resources/content',
    )
  })

  it('uses the dev server when electron-vite provides one to an unpackaged run', () => {
    const paths = resolveAppPaths({
      ...base,
      packaged: false,
      devServerUrl: 'http://localhost:5173',
    })
    expect(paths.rendererEntryUrl).toBe('http://localhost:5173/')
    expect(paths.offlineUrl).toBe('http://localhost:5173/offline.html')
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged kiosk, so nobody can point it at another page', () => {
    const paths = resolveAppPaths({
      ...base,
      packaged: true,
      devServerUrl: 'https://example.com/',
    })
    expect(paths.rendererEntryUrl).toBe('app://kiosk/index.html')
  })

  it("puts a sheet's print route in the page's hash", () => {
    expect(printRouteUrl('app://kiosk/index.html', { sheetId: 'home-care', locale: 'es' })).toBe(
      'app://kiosk/index.html#/print/home-care?lang=es',
    )
  })
})
