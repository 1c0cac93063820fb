import { beforeEach, describe, expect, it, vi } from 'vitest'
import { contextBridge, ipcRenderer, resetFakeElectron } from '../../mocks/electron'
import { apiMethods, channels } from '../../../electron/shared/channels'

describe('preload', () => {
  beforeEach(async () => {
    resetFakeElectron()
    vi.resetModules()
    vi.doMock('electron', () => ({ contextBridge, ipcRenderer }))
    await import('../../../electron/preload/index')
  })

  it('exposes exactly the contract methods as window.kiosk, frozen', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['kiosk'])
    const kiosk = contextBridge.exposed.get('kiosk') as Record<string, unknown>
    expect(Object.keys(kiosk).sort()).toEqual([...apiMethods].sort())
    expect(Object.isFrozen(kiosk)).toBe(true)
    expect(kiosk).not.toHaveProperty('invoke')
    expect(kiosk).not.toHaveProperty('send')
    expect(kiosk).not.toHaveProperty('on')
  })

  it('sends each method over its own channel with the given arguments', async () => {
    const kiosk = contextBridge.exposed.get('kiosk') as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >
    await expect(kiosk['getContent']?.('es')).resolves.toBe(`answer from ${channels.getContent}`)
    expect(ipcRenderer.invocations).toEqual([{ channel: channels.getContent, args: ['es'] }])
  })
})
