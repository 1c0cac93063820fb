import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chunkComposition, type ModuleGroup } from './bundle-composition'
import { bytesToKB, ratio } from './stats'

export interface SizedFile {
  file: string
  kind: 'script' | 'stylesheet' | 'modulepreload' | 'import' | 'other'
  rawBytes: number
  gzipBytes: number
  rawKB: number
  gzipKB: number
}

interface BundleSide {
  /**
   * What the app loads before it runs: index.html's script, stylesheet and modulepreload tags,
   * the entry's `import()` of the app and its stylesheets, and every static import of those.
   */
  startup: SizedFile[]
  startupJsGzipKB: number
  startupCssGzipKB: number
  totalFiles: number
  totalRawKB: number
  totalGzipKB: number
}

export interface BundleResult {
  app: BundleSide
  floor: BundleSide
  startupJsRatio: number | null
  /** JS the app fetched before it was running (index.html's and dynamic imports). */
  appJsLoadedBeforeRunning: { files: SizedFile[]; gzipKB: number } | null
  largestAppChunks: (SizedFile & { modules: ModuleGroup[] })[]
}

const gzipSize = (data: Buffer): number => gzipSync(data, { level: 9 }).length
const gzipKBOf = (files: SizedFile[]): number =>
  bytesToKB(files.reduce((sum, f) => sum + f.gzipBytes, 0))

function sized(root: string, file: string, kind: SizedFile['kind']): SizedFile {
  const data = readFileSync(join(root, file))
  const gzipBytes = gzipSize(data)
  return {
    file,
    kind,
    rawBytes: data.length,
    gzipBytes,
    rawKB: bytesToKB(data.length),
    gzipKB: bytesToKB(gzipBytes),
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

/** Resources index.html loads at start-up, by kind, as paths relative to the root. */
export function startupResources(html: string): { file: string; kind: SizedFile['kind'] }[] {
  const found: { file: string; kind: SizedFile['kind'] }[] = []
  for (const tag of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attributes = new Map(
      [...(tag[2] ?? '').matchAll(/([\w-]+)\s*=\s*["']([^"']*)["']/g)].map((m) => [
        (m[1] ?? '').toLowerCase(),
        m[2] ?? '',
      ]),
    )
    const rel = attributes.get('rel')?.toLowerCase()
    const kind =
      tag[1]?.toLowerCase() === 'script'
        ? 'script'
        : rel === 'stylesheet'
          ? 'stylesheet'
          : rel === 'modulepreload'
            ? 'modulepreload'
            : null
    const url = kind === 'script' ? attributes.get('src') : attributes.get('href')
    if (!kind || !url || /^(data:|https?:)/.test(url)) continue
    found.push({ file: url.replace(/^\.?\//, ''), kind })
  }
  return found
}

const staticImport = /\bimport\s*(?:[\w$*{}\s,]+from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g
const dynamicImport = /\bimport\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g
/** Vite's list of what a chunk's dynamic imports preload, CSS included. */
const preloadList = /__vite__mapDeps=[^[]*\[([^\]]*)\]/

const found = (code: string, pattern: RegExp): string[] =>
  [...code.matchAll(pattern)].map((m) => m[1] ?? '')

/**
 * Everything the app loads before it can run, not only what index.html names: index.html's
 * scripts, what they import, and the app's `boot` chunk with its stylesheets (src/main.ts
 * imports it at once; other `import()` calls load screens on demand), followed through
 * static imports to the end.
 */
function startupClosure(
  root: string,
  fromHtml: { file: string; kind: SizedFile['kind'] }[],
): { file: string; kind: SizedFile['kind'] }[] {
  const seen = new Map(fromHtml.map((r) => [r.file, r.kind]))
  const dirOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1)
  const queue = fromHtml.filter((r) => r.file.endsWith('.js')).map((r) => r.file)
  const add = (file: string, kind: SizedFile['kind']) => {
    if (seen.has(file)) return
    seen.set(file, kind)
    if (file.endsWith('.js')) queue.push(file)
  }
  for (const entry of fromHtml.filter((r) => r.kind === 'script')) {
    const code = readFileSync(join(root, entry.file), 'utf8')
    const boot = found(code, dynamicImport).filter((target) => /^\.\/boot-[\w-]+\.js$/.test(target))
    for (const target of boot) add(dirOf(entry.file) + target.slice(2), 'import')
    const preloads = boot.length ? (preloadList.exec(code)?.[1] ?? '') : ''
    for (const css of preloads.match(/[^"'`,]+\.css/g) ?? [])
      add(dirOf(entry.file) + css.replace(/^\.\//, ''), 'stylesheet')
  }
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const code = readFileSync(join(root, file), 'utf8')
    for (const target of found(code, staticImport)) add(dirOf(file) + target.slice(2), 'import')
  }
  return [...seen].map(([file, kind]) => ({ file, kind }))
}

function measureSide(root: string): BundleSide {
  const html = readFileSync(join(root, 'index.html'), 'utf8')
  const startup = startupClosure(root, startupResources(html)).map((r) =>
    sized(root, r.file, r.kind),
  )
  const all = listFiles(root).map((path) => readFileSync(path))
  return {
    startup,
    startupJsGzipKB: gzipKBOf(startup.filter((f) => f.kind !== 'stylesheet')),
    startupCssGzipKB: gzipKBOf(startup.filter((f) => f.kind === 'stylesheet')),
    totalFiles: all.length,
    totalRawKB: bytesToKB(all.reduce((s, data) => s + data.length, 0)),
    totalGzipKB: bytesToKB(all.reduce((s, data) => s + gzipSize(data), 0)),
  }
}

/** Start-up JS and CSS from index.html, gzip level 9, and the size of the whole build. */
export function measureBundle(
  dirs: { app: string; floor: string },
  appLoadedBeforeRunning: string[] | null,
): BundleResult {
  const app = measureSide(dirs.app)
  const floor = measureSide(dirs.floor)
  const loadedJs = appLoadedBeforeRunning
    ?.map((path) => path.replace(/^\//, ''))
    .filter((file) => file.endsWith('.js'))
    .map((file) => sized(dirs.app, file, 'script'))
  const chunks = listFiles(dirs.app)
    .filter((path) => path.endsWith('.js'))
    .map((path) => {
      const file = relative(dirs.app, path)
      return {
        ...sized(dirs.app, file, 'other'),
        modules: chunkComposition(readFileSync(path, 'utf8')).slice(0, 8),
      }
    })
    .sort((a, b) => b.gzipKB - a.gzipKB)
    .slice(0, 6)
  return {
    app,
    floor,
    startupJsRatio: ratio(app.startupJsGzipKB, floor.startupJsGzipKB),
    appJsLoadedBeforeRunning: loadedJs
      ? {
          files: loadedJs,
          gzipKB: gzipKBOf(loadedJs),
        }
      : null,
    largestAppChunks: chunks,
  }
}
