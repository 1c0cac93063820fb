import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const sessionCookieName = 'kiosk-key'

/** The addresses this host answers to: where it listens, and localhost on the same port. */
export function ownHosts(address: string, port: number): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  hosts.add(address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`)
  return hosts
}

/**
 * A request for another name that resolves to this machine (DNS rebinding) carries that
 * name in Host: such a page must not read the kiosk or reach its API.
 */
export function hostIsOwn(request: IncomingMessage, hosts: Set<string>): boolean {
  const host = request.headers.host
  return host !== undefined && hosts.has(host.toLowerCase())
}

/**
 * API calls must come from the kiosk's own page: any other page on the machine (another tab,
 * another local app) sends its own Origin, or none, and does not have the per-start secret.
 */
export function callerIsOwnPage(
  request: IncomingMessage,
  hosts: Set<string>,
  secret: string,
): boolean {
  const origin = request.headers.origin
  if (!origin) return false
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (
    parsed.protocol !== 'http:' ||
    !hosts.has(parsed.host) ||
    parsed.host !== request.headers.host
  ) {
    return false
  }
  return cookieMatches(request.headers.cookie, secret)
}

function cookieMatches(header: string | undefined, secret: string): boolean {
  if (!header) return false
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name !== sessionCookieName) continue
    const given = Buffer.from(value.join('='))
    const expected = Buffer.from(secret)
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true
  }
  return false
}

/** Sent with the page: the page's own requests then carry the secret, and no other page's do. */
export function sessionCookie(secret: string): string {
  return `${sessionCookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`
}
