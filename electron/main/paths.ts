import { join } from 'node:path'
import { appEntryUrl } from './app-protocol'

export interface AppPaths {
  preload: string
  /** The built renderer, which app://kiosk/ serves. */
  rendererDir: string
  rendererEntryUrl: string
  offlineUrl: string
  contentDir: string
}

/**
 * Where the built pieces live. Packaged builds ship content/ beside the app archive so clinic
 * IT can read it. Only an unpackaged run (`npm run dev`) may load the renderer from
 * electron-vite's dev server: a packaged kiosk ignores ELECTRON_RENDERER_URL, so nobody can
 * point it at another page through the environment.
 */
export function resolveAppPaths(options: {
  mainDir: string
  appPath: string
  resourcesPath: string
  packaged: boolean
  devServerUrl?: string
}): AppPaths {
  const rendererEntryUrl =
    options.devServerUrl && !options.packaged ? new URL(options.devServerUrl).href : appEntryUrl
  return {
    preload: join(options.mainDir, '../preload/index.cjs'),
    rendererDir: join(options.mainDir, '../renderer'),
    rendererEntryUrl,
    offlineUrl: new URL('offline.html', rendererEntryUrl).href,
    contentDir: options.packaged
      ? join(options.resourcesPath, 'content')
      : join(options.appPath, 'content'),
  }
}

/** The address of a sheet's print route, which the hidden print window loads. */
export function printRouteUrl(
  rendererEntryUrl: string,
  request: { sheetId: string; locale: string },
): string {
  const url = new URL(rendererEntryUrl)
  url.hash = `#/print/${encodeURIComponent(request.sheetId)}?lang=${encodeURIComponent(request.locale)}`
  return url.href
}
