import { beforeEach, describe, expect, it, vi } from 'vitest'
import { contextBridge, ipcMain, ipcRenderer, resetFakeElectron } from '../../mocks/electron'
import { apiMethods, channels } from '../../../electron/shared/channels'

type Bridge = Record<string, (...args: unknown[]) => Promise<unknown>>

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

  it("sends each method over its own channel and gives back main's answer", async () => {
    ipcMain.handle(channels.getContent, async (_event, locale) => ({ result: `content ${locale}` }))
    const kiosk = contextBridge.exposed.get('kiosk') as Bridge
    await expect(kiosk['getContent']?.('es')).resolves.toEqual({ result: 'content es' })
    expect(ipcRenderer.invocations).toEqual([{ channel: channels.getContent, args: ['es'] }])
  })

  it('reaches main with the page address Electron reports as the sender', async () => {
    ipcRenderer.senderUrl = 'app://kiosk/index.html#/home'
    let sender = ''
    ipcMain.handle(channels.getSettings, async (event) => {
      sender = (event as { senderFrame: { url: string } }).senderFrame.url
      return { result: null }
    })
    await (contextBridge.exposed.get('kiosk') as Bridge)['getSettings']?.()
    expect(sender).toBe('app://kiosk/index.html#/home')
  })
})
