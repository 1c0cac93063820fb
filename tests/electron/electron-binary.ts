import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Finds the Electron binary without triggering its lazy download (requiring `electron` would
 * try to fetch it). Returns the path, or the reason it cannot be used.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary has not been downloaded (node_modules/electron/path.txt is absent)',
    }
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary)
    ? { path: binary }
    : { missing: `the Electron binary is missing at ${binary}` }
}
