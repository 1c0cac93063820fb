import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BaseFetcher } from 'tuf-js'
import { DownloadHTTPError } from 'tuf-js/dist/error.js'
import { isRepositoryUrl } from '../../shared/fleet-config'

/** `fetch` as the host provides it: Electron's net.fetch (system proxy) or Node's. */
export type FetchFunction = (url: string, init: { signal: AbortSignal }) => Promise<Response>

/**
 * HTTPS through the host's fetch. One time limit covers the whole download, body included,
 * so a server that stalls or drips a byte a second is given up on like one that is down.
 */
class HttpFetcher extends BaseFetcher {
  constructor(
    private readonly fetchFn: FetchFunction,
    private readonly timeoutMs: number,
  ) {
    super()
  }

  async fetch(url: string): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
    const response = await this.fetchFn(url, { signal: AbortSignal.timeout(this.timeoutMs) })
    if (!response.ok || !response.body) {
      await response.body?.cancel()
      throw new DownloadHTTPError(`HTTP ${response.status}`, response.status)
    }
    return response.body as ReadableStream<Uint8Array<ArrayBuffer>>
  }
}

/**
 * A repository on a folder (an SMB share): a missing file is a 404, as on a web server, which
 * is how the TUF client learns there is no newer root.
 */
class FolderFetcher extends BaseFetcher {
  async fetch(url: string): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
    const path = fileURLToPath(url)
    try {
      if (!(await stat(path)).isFile()) throw new DownloadHTTPError(`not a file: ${path}`, 404)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        // The share itself being gone is "offline", not "no such file".
        await stat(fileURLToPath(new URL('..', url)))
        throw new DownloadHTTPError(`no such file: ${path}`, 404)
      }
      throw error
    }
    return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array<ArrayBuffer>>
  }
}

/** Where metadata and targets are read from, and how. */
export function repositoryAccess(repository: string, fetchFn: FetchFunction, timeoutMs: number) {
  const base = isRepositoryUrl(repository)
    ? repository.replace(/\/*$/, '/')
    : pathToFileURL(repository.replace(/[\\/]*$/, '/')).href
  return {
    metadataBaseUrl: new URL('metadata/', base).href,
    targetBaseUrl: new URL('targets/', base).href,
    fetcher: isRepositoryUrl(repository)
      ? new HttpFetcher(fetchFn, timeoutMs)
      : new FolderFetcher(),
  }
}
