import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { repoRoot, serveScript } from './paths'

export interface StaticServer {
  url: string
  close: () => Promise<void>
}

/** Asks the OS for a port nobody listens on, on the loopback interface. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  await once(probe, 'close')
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

async function waitUntilServing(url: string, exited: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`static server for ${url} exited before serving`)
    try {
      // Any answer, even a 404 for a root without index.html, means it is listening.
      await fetch(url)
      return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`static server did not answer at ${url} within ${timeoutMs} ms`)
}

/**
 * Runs the project's own static server (scripts/serve-web.mjs) on a free port for `root`, so
 * the app and the floor are served by the same code.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const child = spawn(process.execPath, [serveScript], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), KIOSK_WEB_ROOT: root },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  try {
    await waitUntilServing(url, () => exited, 10_000)
  } catch (error) {
    child.kill()
    throw error
  }
  return {
    url,
    close: async () => {
      if (exited) return
      const done = once(child, 'exit')
      child.kill('SIGTERM')
      await done
    },
  }
}
