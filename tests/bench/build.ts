import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { rendererDir, repoRoot, webHostEntry } from './paths'

/** The bench measures the built renderer and web host; it builds them only when missing. */
export function ensureRendererBuilt(): void {
  const built = () => existsSync(join(rendererDir, 'index.html')) && existsSync(webHostEntry)
  if (built()) return
  console.log('the build is missing: running npx electron-vite build')
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' })
  if (result.status !== 0 || !built()) {
    throw new Error(`electron-vite build failed (exit ${String(result.status)})`)
  }
}
