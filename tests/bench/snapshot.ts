import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startupResources } from './measure-bundle'

export interface BenchSites {
  /** Temp folder holding the copies: app/ and floor/ side by side, each served by its own host. */
  root: string
  appDir: string
  floorDir: string
  remove: () => void
}

/** A build is whole when every file its index.html loads is there. */
function isWholeBuild(dir: string): boolean {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) return false
  return startupResources(readFileSync(index, 'utf8')).every((r) => existsSync(join(dir, r.file)))
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Copies the built renderer and the floor into one temp folder. The bench then measures that
 * copy, so a rebuild of out/renderer during a run (other work goes on in the repo) cannot mix
 * two builds; a copy taken mid-build is detected and taken again.
 */
export async function snapshotSites(rendererDir: string, floorDir: string): Promise<BenchSites> {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-bench-'))
  const sites = {
    root,
    appDir: join(root, 'app'),
    floorDir: join(root, 'floor'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
  cpSync(floorDir, sites.floorDir, { recursive: true })
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    rmSync(sites.appDir, { recursive: true, force: true })
    try {
      cpSync(rendererDir, sites.appDir, { recursive: true })
      if (isWholeBuild(sites.appDir)) return sites
    } catch {
      // Files vanished while copying: a build is running.
    }
    await pause(2_000)
  }
  sites.remove()
  throw new Error(`${rendererDir} did not hold a whole build for 20 s`)
}
