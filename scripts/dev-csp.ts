import type { Plugin } from 'vite'

/**
 * The shipped index.html carries the strict policy. Vite's dev server injects inline
 * styles and a websocket for hot reload, so only `vite dev` gets a looser policy.
 */
export function devContentSecurityPolicy(): Plugin {
  return {
    name: 'kiosk-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(
        /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/,
        `$1default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws:$2`,
      )
    },
  }
}
