import { describe, expect, it } from 'vitest'
import { resolveAppPaths } from '../../../electron/main/paths'

describe('resolveAppPaths', () => {
  const base = { mainDir: '/app/out/main', appPath: '/app', resourcesPath: '/opt/kiosk/resources' }

  it('loads the built renderer from file:// and the preload as CommonJS', () => {
    const paths = resolveAppPaths({ ...base, packaged: false })
    expect(paths.rendererEntryUrl).toBe('file:///app/out/renderer/index.html')
    expect(paths.offlineUrl).toBe('file:///app/out/renderer/offline.html')
    expect(paths.preload).toBe('/app/out/preload/index.cjs')
    expect(paths.contentDir).toBe('/app/content')
  })

  it('reads content beside the packaged app so IT can see it', () => {
    expect(resolveAppPaths({ ...base, packaged: true }).contentDir).toBe(
      '/opt/kiosk/resources/content',
    )
  })

  it('uses the dev server when electron-vite provides one', () => {
    const paths = resolveAppPaths({
      ...base,
      packaged: false,
      devServerUrl: 'http://localhost:5173',
    })
    expect(paths.rendererEntryUrl).toBe('http://localhost:5173/')
    expect(paths.offlineUrl).toBe('http://localhost:5173/offline.html')
  })
})
