import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface ModuleGroup {
  /** An npm package, or the project's own folder (src, electron/shared, content). */
  name: string
  rawBytes: number
  /** Gzip of the group's code on its own: a rough share, the chunk compresses as a whole. */
  gzipBytes: number
}

/**
 * The renderer is built unminified (electron-vite's default), and the bundler heads each
 * module's code with a `// <module path>` comment; this splits a chunk at those comments.
 */
const moduleHeading =
  /^\/\/ (?:\\0)?((?:node_modules\/)?[\w@.+-]+(?:\/[\w@.+-]+)+\.[\w]+)(?:\?.*)?$/

function groupOf(path: string): string {
  const pkg = path.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//)
  if (pkg?.[1]) return pkg[1]
  if (path.startsWith('electron/shared/')) return 'electron/shared'
  if (path.startsWith('content/')) return 'content (yaml text)'
  if (path.startsWith('src/i18n/')) return 'src/i18n'
  if (path.startsWith('src/')) return 'src'
  return path
}

export function chunkComposition(code: string): ModuleGroup[] {
  const text = new Map<string, string[]>()
  let current = '(chunk head)'
  for (const line of code.split('\n')) {
    const heading = line.match(moduleHeading)
    if (heading?.[1]) current = groupOf(heading[1])
    const lines = text.get(current) ?? []
    lines.push(line)
    text.set(current, lines)
  }
  return [...text]
    .map(([name, lines]) => {
      const joined = lines.join('\n')
      return {
        name,
        rawBytes: Buffer.byteLength(joined),
        gzipBytes: gzipSync(joined, { level: 9 }).length,
      }
    })
    .sort((a, b) => b.rawBytes - a.rawBytes)
}

/** Where each module starts in a chunk: 0-based line of its heading, and its group. */
function moduleRegions(code: string): { line: number; group: string }[] {
  const regions = [{ line: 0, group: '(chunk head)' }]
  code.split('\n').forEach((line, index) => {
    const heading = line.match(moduleHeading)
    if (heading?.[1]) regions.push({ line: index, group: groupOf(heading[1]) })
  })
  return regions
}

/**
 * Names the module group of a line in a built file served under `baseUrl` from `dir`, for
 * attributing CPU profile samples; other scripts are named by their file.
 */
export function moduleResolver(
  dir: string,
  baseUrl: string,
): (url: string, line: number) => string {
  const cache = new Map<string, { line: number; group: string }[]>()
  return (url, line) => {
    const file = url.split(/[?#]/)[0] ?? url
    if (!file.startsWith(baseUrl)) return `other script: ${file.split('/').pop() ?? file}`
    const path = join(dir, file.slice(baseUrl.length))
    let regions = cache.get(path)
    if (!regions) {
      regions = existsSync(path) ? moduleRegions(readFileSync(path, 'utf8')) : []
      cache.set(path, regions)
    }
    const region = regions.filter((r) => r.line <= line).at(-1)
    return region ? region.group : file
  }
}
