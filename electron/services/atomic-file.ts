import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

/*
 * Written with node:fs/promises rather than the write-file-atomic package: that package
 * fsyncs the temporary file but never the folder, so after a power cut the rename itself
 * could be lost. Kiosks are switched off at the wall, so both are synced here.
 */

/** Runs tasks one after another, so read-modify-write steps never interleave. */
export function createQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}

const queues = new Map<string, ReturnType<typeof createQueue>>()
function queueFor(path: string): ReturnType<typeof createQueue> {
  let queue = queues.get(path)
  if (!queue) {
    queue = createQueue()
    queues.set(path, queue)
  }
  return queue
}

const retryableOnWindows = new Set(['EPERM', 'EACCES', 'EBUSY'])

/** Windows refuses to replace a file that an antivirus scanner briefly holds open. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (process.platform !== 'win32' || !retryableOnWindows.has(code) || attempt >= 10)
        throw error
      await new Promise((done) => setTimeout(done, 50 * (attempt + 1)))
    }
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for syncing; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export interface WriteOptions {
  /** Test hook: runs after the temporary file is complete, just before it replaces the target. */
  beforeRename?: (tempPath: string) => void | Promise<void>
  /** Owner-only unless said otherwise, e.g. for files a web server must serve. */
  mode?: number
}

/**
 * Replaces `path` so that a reader (or the next start after a power cut) sees either the
 * whole old file or the whole new one, never a half-written mix. Writes to the same path
 * from this process are applied in call order, folder creation included.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const target = resolve(path)
  await queueFor(target)(async () => {
    const folder = dirname(target)
    const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
    await mkdir(folder, { recursive: true })
    try {
      // Owner-only: these files hold the staff PIN hash and clinic configuration.
      const handle = await open(temp, 'wx', options.mode ?? 0o600)
      try {
        await handle.writeFile(data)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await options.beforeRename?.(temp)
      await renameWithRetry(temp, target)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    await syncFolder(folder)
  })
}
