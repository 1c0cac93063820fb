import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface AppPaths {
  preload: string
  rendererEntryUrl: string
  offlineUrl: string
  contentDir: string
}

/**
 * Where the built pieces live. Packaged builds ship content/ beside the app archive so clinic
 * IT can read it; during development the dev server serves the renderer.
 */
export function resolveAppPaths(options: {
  mainDir: string
  appPath: string
  resourcesPath: string
  packaged: boolean
  devServerUrl?: string
}): AppPaths {
  const rendererDir = join(options.mainDir, '../renderer')
  const rendererEntryUrl = options.devServerUrl
    ? new URL(options.devServerUrl).href
    : pathToFileURL(join(rendererDir, 'index.html')).href
  return {
    preload: join(options.mainDir, '../preload/index.cjs'),
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
