import type { KioskApi } from '@shared/contract'

let api: Promise<KioskApi> | undefined

/**
 * The only way the renderer reaches the outside world. Inside Electron that is the preload's
 * `window.kiosk`; in a plain browser the browser implementation is loaded on demand, so the
 * Electron build does not carry the bundled content twice.
 */
export function kioskApi(): Promise<KioskApi> {
  api ??= window.kiosk
    ? Promise.resolve(window.kiosk)
    : import('./browser-kiosk').then(({ createBrowserKiosk }) =>
        createBrowserKiosk(window.localStorage),
      )
  return api
}
