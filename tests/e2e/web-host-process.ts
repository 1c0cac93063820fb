import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'

export const webHostEntry = resolve('out/main/web-host.js')

export interface WebHostProcess {
  url: string
  /** What the host wrote to stderr: its log. */
  log: string[]
  stop(): Promise<void>
}

/**
 * Starts the web host exactly as IT does (`npm run serve:web`), on a free port, and waits for
 * its one "Kiosk ready at" line.
 */
export async function startWebHostProcess(
  userData: string,
  options: { port?: number; args?: string[] } = {},
): Promise<WebHostProcess> {
  if (!existsSync(webHostEntry)) throw new Error('Build the kiosk first: npm run build')
  const child: ChildProcess = spawn(
    process.execPath,
    [
      webHostEntry,
      '--port',
      String(options.port ?? 0),
      '--user-data',
      userData,
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const log: string[] = []
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = await new Promise<string>((ready, fail) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const found = /^Kiosk ready at (http:\/\/\S+)$/.exec(line)
      if (found) ready(found[1]!)
    })
    child.once('exit', (code) =>
      fail(new Error(`the web host exited (${code}): ${log.join('\n')}`)),
    )
  })
  return {
    url,
    log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
