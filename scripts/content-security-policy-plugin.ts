import type { Plugin } from 'vite'
import { contentSecurityPolicy } from '../electron/shared/content-security-policy'

const placeholder = '%KIOSK_CONTENT_SECURITY_POLICY%'

/**
 * Writes the kiosk's one policy (electron/shared/content-security-policy.ts) into index.html.
 * Vite's dev server injects inline styles and a websocket for hot reload, so only `vite dev`
 * gets a looser policy.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'kiosk-content-security-policy',
    transformIndexHtml(html, context) {
      if (!html.includes(placeholder)) throw new Error(`index.html has no ${placeholder}`)
      const policy = context.server
        ? "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws:"
        : contentSecurityPolicy
      return html.replace(placeholder, policy)
    },
  }
}
