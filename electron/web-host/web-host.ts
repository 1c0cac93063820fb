import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import sirv from 'sirv'
import type { Invoke } from '../backend/guard'
import { CallRefused } from '../shared/call-refused'
import type { ApiMethod } from '../shared/channels'
import type { CallAnswer, RefusalReason } from '../shared/contract'
import { pageSecurityHeaders as securityHeaders } from '../shared/content-security-policy'
import type { Logger } from '../shared/logger'
import { callerIsOwnPage, hostIsOwn, ownHosts, sessionCookie } from './request-checks'

/** Ordinary calls are small; only a backup import carries a whole file. */
const maxBodyBytes = 64 * 1024
const maxImportBodyBytes = 32 * 1024 * 1024
const largeBodyMethods: ReadonlySet<string> = new Set<ApiMethod>(['staffImportBackup'])

const refusalStatus: Record<RefusalReason, number> = {
  'unknown-method': 404,
  'untrusted-caller': 403,
  'invalid-arguments': 400,
  'sign-in-required': 401,
  'setup-done': 409,
}

export interface WebHostOptions {
  invoke: Invoke
  /** The built renderer: out/renderer. */
  rendererDir: string
  /** 127.0.0.1 unless IT asks for another address. */
  address: string
  /** 0 picks a free port. */
  port: number
  log: Logger
}

export interface WebHost {
  url: string
  server: Server
  close(): Promise<void>
}

class BodyError extends Error {
  constructor(readonly status: number) {
    super(`request body refused with ${status}`)
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0)
    if (declared > limit) {
      reject(new BodyError(413))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new BodyError(413))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function sendJson(response: ServerResponse, status: number, body: unknown, extra = {}): void {
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...extra,
  })
  response.end(JSON.stringify(body))
}

/**
 * Serves the kiosk to a browser on this machine: the built page, and the backend's contract
 * as `POST /api/<method>` with a JSON array of arguments. Every call goes through the same
 * guard as Electron's IPC; this transport decides only whether it trusts the caller.
 */
export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = randomBytes(32).toString('hex')
  const statics = sirv(options.rendererDir, {
    dev: false,
    etag: true,
    setHeaders: (response) => {
      for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value)
    },
  })

  /**
   * The page itself is never answered with "not modified": each answer carries this start's
   * secret, so a page reloaded after the host restarted gets the new one.
   */
  async function page(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const html = await readFile(join(options.rendererDir, 'index.html'))
    response.writeHead(200, {
      ...securityHeaders,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'set-cookie': sessionCookie(secret),
    })
    response.end(request.method === 'HEAD' ? undefined : html)
  }
  let hosts = new Set<string>()

  async function api(request: IncomingMessage, response: ServerResponse, method: string) {
    if (request.method !== 'POST') {
      sendJson(response, 405, { error: 'method-not-allowed' }, { allow: 'POST' })
      return
    }
    if (!/^application\/json(?:;|$)/i.test(request.headers['content-type'] ?? '')) {
      sendJson(response, 415, { error: 'json-only' })
      return
    }
    let args: unknown
    try {
      const limit = largeBodyMethods.has(method) ? maxImportBodyBytes : maxBodyBytes
      args = JSON.parse(await readBody(request, limit))
    } catch (error) {
      sendJson(response, error instanceof BodyError ? error.status : 400, { error: 'bad-body' })
      return
    }
    const caller = {
      trusted: callerIsOwnPage(request, hosts, secret),
      from: `${request.headers.origin ?? 'no origin'} (${request.socket.remoteAddress})`,
    }
    try {
      const answer: CallAnswer = { result: await options.invoke(method, args, caller) }
      // A walked-away visit leaves nothing in the browser: storage and cache are cleared.
      const extra = method === 'endVisit' ? { 'clear-site-data': '"cache", "storage"' } : {}
      sendJson(response, 200, answer, extra)
    } catch (error) {
      if (error instanceof CallRefused) {
        sendJson(response, refusalStatus[error.reason], { refused: error.reason })
        return
      }
      options.log.error(`web host: ${method} failed: ${(error as Error).stack ?? error}`)
      sendJson(response, 500, { error: 'internal' })
    }
  }

  const server = createServer((request, response) => {
    if (!hostIsOwn(request, hosts)) {
      sendJson(response, 421, { error: 'wrong-host' })
      return
    }
    const path = new URL(request.url ?? '/', 'http://host').pathname
    const method = /^\/api\/([^/]+)$/.exec(path)?.[1]
    if (method !== undefined) {
      void api(request, response, method)
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { error: 'method-not-allowed' }, { allow: 'GET, HEAD' })
      return
    }
    if (path === '/' || path === '/index.html') {
      page(request, response).catch((error: unknown) => {
        options.log.error(`web host: the page could not be read: ${error}`)
        sendJson(response, 500, { error: 'internal' })
      })
      return
    }
    statics(request, response, () => sendJson(response, 404, { error: 'not-found' }))
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.address, () => {
      const { port } = server.address() as AddressInfo
      hosts = ownHosts(options.address, port)
      const shown = options.address.includes(':') ? `[${options.address}]` : options.address
      resolve({
        url: `http://${shown}:${port}/`,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
