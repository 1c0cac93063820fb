import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { rendererDir, repoRoot } from './paths'

/** The bench measures the built renderer; it builds it only when there is none. */
export function ensureRendererBuilt(): void {
  if (existsSync(join(rendererDir, 'index.html'))) return
  console.log('out/renderer is missing: running npx electron-vite build')
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' })
  if (result.status !== 0 || !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`electron-vite build failed (exit ${String(result.status)})`)
  }
}
