import { describe, expect, it, vi } from 'vitest'
import { clearVisitData } from '../../../electron/main/visit-data'

describe('clearing visit data', () => {
  it('clears the page storage and the HTTP cache', async () => {
    const session = {
      clearStorageData: vi.fn(async () => undefined),
      clearCache: vi.fn(async () => undefined),
    }
    await clearVisitData(session)
    const storages = (
      session.clearStorageData.mock.calls[0] as unknown as [{ storages: string[] }]
    )[0].storages
    expect(storages).toEqual(
      expect.arrayContaining(['localstorage', 'indexdb', 'cookies', 'cachestorage']),
    )
    expect(session.clearCache).toHaveBeenCalled()
  })

  it('keeps the GPU shader cache: it is no visit data, and clearing it slows the next visit', async () => {
    const session = {
      clearStorageData: vi.fn(async (_options?: { storages?: string[] }) => undefined),
      clearCache: vi.fn(async () => undefined),
    }
    await clearVisitData(session)
    expect(session.clearStorageData.mock.calls[0]?.[0]?.storages).not.toContain('shadercache')
  })
})
