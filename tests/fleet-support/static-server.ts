import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, normalize } from 'node:path'

export type Route = (request: IncomingMessage, response: ServerResponse) => void

/**
 * A static file server on 127.0.0.1 and a free port, as any web host serving a TUF repository
 * would be; `routes` replace what it serves for one path, to play a broken or hostile host.
 */
export async function startStaticServer(root: string) {
  const routes = new Map<string, Route>()
  const requests: string[] = []
  const open = new Set<ServerResponse>()
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    requests.push(path)
    open.add(response)
    response.on('close', () => open.delete(response))
    const route = routes.get(path)
    if (route) return route(request, response)
    const file = join(root, normalize(path))
    try {
      const info = await stat(file)
      if (!info.isFile()) throw new Error('not a file')
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': info.size })
      createReadStream(file).pipe(response)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    routes,
    requests,
    close: async () => {
      for (const response of open) response.destroy()
      const closed = new Promise<void>((done) => server.close(() => done()))
      server.closeAllConnections()
      await closed
    },
  }
}
export type StaticServer = Awaited<ReturnType<typeof startStaticServer>>
