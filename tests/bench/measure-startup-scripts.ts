import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from '@playwright/test'
import { openPage } from './browser'
import { round } from './stats'

interface Fetched {
  /** Path on the host, e.g. /assets/boot-abc.js or /api/getContent. */
  path: string
  type: string
  /** Bytes on the wire (CDP encodedDataLength: headers and body as sent). */
  transferredBytes: number
  /** The file's size under gzip -9, for files of the build. */
  gzipBytes: number | null
}

export interface StartupScriptsResult {
  runs: number
  /** Scripts the start screen fetched before the network was idle, the largest run's. */
  scripts: Fetched[]
  scriptsGzipKiB: number
  scriptsTransferredKiB: number
  /** Everything else fetched before the first tap: stylesheets, API calls, images. */
  others: Fetched[]
  /**
   * Files of other screens (route chunks, their stylesheets) fetched before the first tap:
   * code for what a visitor cannot see on the start screen.
   */
  otherScreensFiles: string[]
}

const gzipOf = (dir: string, path: string): number | null => {
  try {
    return gzipSync(readFileSync(join(dir, decodeURIComponent(path))), { level: 9 }).length
  } catch {
    return null
  }
}

/** Route chunks are named after their view; the start screen's is in the entry chunks. */
const otherScreen = (path: string) => /\/[A-Z]\w*View-[\w-]+\.(js|css)$/.test(path)

async function oneRun(browser: Browser, url: string, appDir: string): Promise<Fetched[]> {
  const { context, page, close } = await openPage(browser, { disableCache: true })
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    const seen = new Map<string, { path: string; type: string }>()
    const fetched: Fetched[] = []
    cdp.on('Network.responseReceived', (event) => {
      seen.set(event.requestId, { path: new URL(event.response.url).pathname, type: event.type })
    })
    cdp.on('Network.loadingFinished', (event) => {
      const response = seen.get(event.requestId)
      if (!response) return
      fetched.push({
        ...response,
        transferredBytes: event.encodedDataLength,
        gzipBytes: response.path.startsWith('/api/') ? null : gzipOf(appDir, response.path),
      })
    })
    await page.goto(url, { waitUntil: 'networkidle' })
    return fetched
  } finally {
    await close()
  }
}

const kib = (files: Fetched[], pick: (f: Fetched) => number | null) =>
  round(files.reduce((sum, f) => sum + (pick(f) ?? 0), 0) / 1024)

/**
 * What a cold start screen fetches before the network is idle (Playwright's networkidle: no
 * request for 500 ms), as CDP's Network domain saw it, with each build file's gzip -9 size.
 * The web host sends files uncompressed, so the gzip size is what a compressing server or a
 * packed app would carry; both are kept.
 */
export async function measureStartupScripts(
  browser: Browser,
  appUrl: string,
  appDir: string,
  runs = 3,
): Promise<StartupScriptsResult> {
  let worst: Fetched[] = []
  for (let i = 0; i < runs; i += 1) {
    const fetched = await oneRun(browser, appUrl, appDir)
    const scripts = fetched.filter((f) => f.type === 'Script')
    if (
      kib(scripts, (f) => f.gzipBytes) >=
      kib(
        worst.filter((f) => f.type === 'Script'),
        (f) => f.gzipBytes,
      )
    ) {
      worst = fetched
    }
  }
  const scripts = worst
    .filter((f) => f.type === 'Script')
    .sort((a, b) => (b.gzipBytes ?? 0) - (a.gzipBytes ?? 0))
  const others = worst.filter((f) => f.type !== 'Script')
  return {
    runs,
    scripts,
    scriptsGzipKiB: kib(scripts, (f) => f.gzipBytes),
    scriptsTransferredKiB: kib(scripts, (f) => f.transferredBytes),
    others,
    otherScreensFiles: worst.map((f) => f.path).filter(otherScreen),
  }
}
