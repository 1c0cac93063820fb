/**
 * The kiosk page's Content-Security-Policy: its own scripts, styles, fonts and images only,
 * no inline script, no remote content, no frames. The build writes it into index.html (what
 * Electron enforces) and the web host also sends it as a header.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ')

/** Only a header can forbid other pages to frame the kiosk; a meta tag ignores this directive. */
const headerOnlyPolicy = "frame-ancestors 'none'"

/** The headers every answer of the kiosk's own pages carries: the web host's and the app:// scheme's. */
export const pageSecurityHeaders = {
  'content-security-policy': `${contentSecurityPolicy}; ${headerOnlyPolicy}`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}
