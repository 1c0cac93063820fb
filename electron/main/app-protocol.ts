import { readFile } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'
import type { Protocol } from 'electron'
import { lookup } from 'mrmime'
import { pageSecurityHeaders } from '../shared/content-security-policy'

/**
 * The kiosk's own pages come from app://kiosk/, not file:// (Electron's security checklist,
 * item 18, docs/tutorial/security.md): a file:// page may read any file on the computer, and
 * every file:// URL shares one origin. Only the built renderer folder is served here.
 */
const scheme = 'app'
const host = 'kiosk'
export const appEntryUrl = `${scheme}://${host}/index.html`

/**
 * Before `ready`, and only once (docs/api/protocol.md). Standard: relative URLs resolve and
 * the page has an origin of its own (app://kiosk) with its storage; secure: treated like
 * https, so CSP 'self' and secure-context APIs work; supportFetchAPI: the page may fetch its
 * own files.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/**
 * The file under `rendererDir` an app:// URL names, or null for anything else: another host,
 * a bad percent-escape, a backslash or a NUL, a "." or ".." step, or a path leaving the folder.
 */
export function appFileFor(url: string, rendererDir: string): string | null {
  let parsed: URL
  let path: string
  try {
    parsed = new URL(url)
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (parsed.protocol !== `${scheme}:` || parsed.host !== host) return null
  if (parsed.username || parsed.password || /[\\\0]/.test(path)) return null
  const steps = path.split('/').filter((step) => step !== '')
  if (steps.some((step) => step === '.' || step === '..')) return null
  const file = join(rendererDir, ...(steps.length ? steps : ['index.html']))
  const inside = relative(rendererDir, file)
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? file : null
}

const notFound = () =>
  new Response('not found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...pageSecurityHeaders },
  })

/** Answers one request of the page: the file with its type and the page's security headers. */
export async function answerAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } })
  }
  const file = appFileFor(request.url, rendererDir)
  if (!file) return notFound()
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return notFound()
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    headers: {
      'content-type': lookup(file) ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...pageSecurityHeaders,
    },
  })
}

/** After `ready`: the default session, which the kiosk and the print windows share, serves app://. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(scheme, (request) => answerAppRequest(request, rendererDir))
}
