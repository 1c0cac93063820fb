import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

/** Where the bench finds the project, whatever the working directory it was started from. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const rendererDir = join(repoRoot, 'out', 'renderer')
export const floorDir = join(repoRoot, 'tests', 'bench', 'floor')
export const webHostEntry = join(repoRoot, 'out', 'main', 'web-host.js')
export const resultsFile = join(repoRoot, 'bench', 'results.json')
