import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'

/**
 * A fresh folder for each test, removed after it: read its path with the getter.
 * `beforeRemove` runs first, e.g. to let what writes into the folder finish.
 */
export function useTempFolder(
  prefix: string,
  options: { beforeRemove?: () => Promise<void> } = {},
): () => string {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix))
  })
  afterEach(async () => {
    await options.beforeRemove?.()
    await rm(dir, { recursive: true, force: true })
  })
  return () => dir
}
