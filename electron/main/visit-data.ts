import type { Session } from 'electron'

/**
 * What a visit can leave in the page's storage. Settings and content live in main's files,
 * not here, so clearing all of it loses nothing the clinic set. The GPU shader cache is not
 * visit data (compiled shaders, nothing a visitor did), and clearing it would only slow the
 * next visit's drawing.
 */
const visitStorages = [
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'serviceworkers',
  'cachestorage',
] as const

export async function clearVisitData(
  session: Pick<Session, 'clearStorageData' | 'clearCache'>,
): Promise<void> {
  await session.clearStorageData({ storages: [...visitStorages] })
  await session.clearCache()
}
