import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ipcMain, resetFakeElectron } from '../../mocks/electron'
import { registerIpc, type Handlers } from '../../../electron/main/ipc'
import { channels } from '../../../electron/shared/channels'
import { defaultSettings } from '../../../electron/shared/settings-defaults'
import { memoryLogger } from './test-logger'

vi.mock('electron', () => import('../../mocks/electron'))

const appFrame = { senderFrame: { url: 'file:///app/out/renderer/index.html#/home' } }

function setUp() {
  const handlers = {
    getContent: vi.fn(async () => ({ content: {}, problems: [] })),
    getSettings: vi.fn(async () => defaultSettings),
    heartbeat: vi.fn(async () => undefined),
    endVisit: vi.fn(async () => undefined),
    getAppInfo: vi.fn(async () => ({
      name: 'kiosk',
      version: '1',
      platform: 'electron',
      packaged: true,
    })),
  } as unknown as Handlers & Record<string, ReturnType<typeof vi.fn>>
  const log = memoryLogger()
  registerIpc(ipcMain as never, handlers, {
    isTrustedSender: (url) => url.startsWith('file:///app/out/renderer/'),
    log,
  })
  const invoke = (channel: string, event: unknown, ...args: unknown[]) => {
    const handler = ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return handler(event, ...args)
  }
  return { handlers, log, invoke }
}

describe('IPC registration', () => {
  beforeEach(resetFakeElectron)

  it('registers a handler for every channel of the contract', () => {
    setUp()
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(channels).sort())
  })

  it('passes valid calls from the app to the handler', async () => {
    const { handlers, invoke } = setUp()
    await expect(invoke(channels.getSettings, appFrame)).resolves.toEqual(defaultSettings)
    await invoke(channels.getContent, appFrame, 'es')
    expect(handlers.getContent).toHaveBeenCalledWith('es')
  })

  it('refuses a sender that is not one of the app pages, without running the handler', async () => {
    const { handlers, invoke, log } = setUp()
    const remote = { senderFrame: { url: 'https://example.com/' } }
    await expect(invoke(channels.getSettings, remote)).rejects.toThrow(
      /did not come from the kiosk/,
    )
    await expect(invoke(channels.getSettings, { senderFrame: null })).rejects.toThrow(
      /did not come from the kiosk/,
    )
    expect(handlers.getSettings).not.toHaveBeenCalled()
    expect(log.lines.join('\n')).toContain('untrusted sender "https://example.com/"')
  })

  it('refuses invalid arguments with a clear reason', async () => {
    const { handlers, invoke } = setUp()
    await expect(invoke(channels.getContent, appFrame, 'fr')).rejects.toThrow(
      /getContent refused: argument 0: .*"en"/,
    )
    await expect(invoke(channels.getContent, appFrame)).rejects.toThrow(/getContent refused/)
    await expect(invoke(channels.getSettings, appFrame, 'extra')).rejects.toThrow(
      /getSettings refused/,
    )
    expect(handlers.getContent).not.toHaveBeenCalled()
  })
})
