import type { Session } from 'electron'

/**
 * What a visit can leave in the page's storage. Settings and content live in main's files,
 * not here, so clearing all of it loses nothing the clinic set.
 */
const visitStorages = [
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'shadercache',
  'serviceworkers',
  'cachestorage',
] as const

export async function clearVisitData(
  session: Pick<Session, 'clearStorageData' | 'clearCache'>,
): Promise<void> {
  await session.clearStorageData({ storages: [...visitStorages] })
  await session.clearCache()
}
