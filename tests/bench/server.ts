import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { repoRoot, webHostEntry } from './paths'

export interface BenchHost {
  url: string
  close: () => Promise<void>
}

/**
 * Runs the kiosk's own web host (`npm run serve:web`) for `rendererDir` on a free port, with a
 * fresh user-data folder: the app is served with its real backend, and the floor by the same
 * code, so both pages pay the same serving costs.
 */
export async function startBenchHost(rendererDir: string): Promise<BenchHost> {
  const userData = mkdtempSync(join(tmpdir(), 'kiosk-bench-data-'))
  const child = spawn(
    process.execPath,
    [webHostEntry, '--port', '0', '--user-data', userData, '--renderer', rendererDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const cleanUp = () => rmSync(userData, { recursive: true, force: true })
  const url = await new Promise<string>((ready, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const found = /^Kiosk ready at (http:\/\/\S+)$/.exec(line)
      if (found) ready(found[1]!)
    })
    child.once('exit', (code) => fail(new Error(`the web host exited (${code}) before serving`)))
  }).catch((error: unknown) => {
    cleanUp()
    throw error
  })
  return {
    url,
    close: async () => {
      if (child.exitCode === null) {
        const done = once(child, 'exit')
        child.kill('SIGTERM')
        await done
      }
      cleanUp()
    },
  }
}
