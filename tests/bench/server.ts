import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { defaultSettings } from '../../electron/shared/settings-defaults'
import { repoRoot, webHostEntry } from './paths'

export interface BenchHost {
  url: string
  close: () => Promise<void>
}

/** Sets the fresh kiosk up as IT does (`--setup`), so it serves visitors, not first-run setup. */
function setUpKiosk(userData: string): void {
  const file = `${userData}-setup.json`
  writeFileSync(
    file,
    JSON.stringify({ clinicName: defaultSettings.clinicName, staffPin: '582039' }),
  )
  const result = spawnSync(
    process.execPath,
    [webHostEntry, '--user-data', userData, '--setup', file],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  )
  rmSync(file)
  if (result.status !== 0) throw new Error(`the bench kiosk could not be set up: ${result.stderr}`)
}

/**
 * Runs the kiosk's own web host (`npm run serve:web`) for `rendererDir` on a free port, with a
 * fresh user-data folder set up for visitors: the app is served with its real backend, and the
 * floor by the same code, so both pages pay the same serving costs.
 */
export async function startBenchHost(rendererDir: string): Promise<BenchHost> {
  const userData = mkdtempSync(join(tmpdir(), 'kiosk-bench-data-'))
  setUpKiosk(userData)
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
