import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ipcMain, resetFakeElectron } from '../../mocks/electron'
import type { Caller } from '../../../electron/backend/guard'
import { CallRefused } from '../../../electron/shared/call-refused'
import { registerIpc } from '../../../electron/main/ipc'
import { channels } from '../../../electron/shared/channels'

vi.mock('electron', () => import('../../mocks/electron'))

const appUrl = 'app://kiosk/index.html#/home'

function setUp(invoke = vi.fn(async (_method: string, _args: unknown, _caller: Caller) => 'done')) {
  registerIpc(ipcMain as never, invoke, {
    isTrustedSender: (url) => url.startsWith('app://kiosk/'),
  })
  const send = (channel: string, url: string | null, ...args: unknown[]) => {
    const handler = ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return handler({ senderFrame: url === null ? null : { url } }, ...args)
  }
  return { invoke, send }
}

describe('IPC registration', () => {
  beforeEach(resetFakeElectron)

  it('puts every method of the contract on its own channel', () => {
    setUp()
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(channels).sort())
  })

  it("hands each call to the backend's guard with the method, the arguments and who sent it", async () => {
    const { invoke, send } = setUp()
    await expect(send(channels.getContent, appUrl, 'es')).resolves.toEqual({ result: 'done' })
    expect(invoke).toHaveBeenCalledWith('getContent', ['es'], {
      trusted: true,
      from: `the page at "${appUrl}"`,
    })
  })

  it('marks a sender that is not one of the app pages, or has no frame, as untrusted', async () => {
    const { invoke, send } = setUp()
    await send(channels.getSettings, 'https://example.com/')
    await send(channels.getSettings, null)
    expect(invoke.mock.calls.map(([, , caller]) => caller.trusted)).toEqual([false, false])
  })

  it("answers the guard's refusal as a refusal, not as an error Electron would log", async () => {
    const { send } = setUp(
      vi.fn(async (method: string) => {
        throw new CallRefused('sign-in-required', method)
      }),
    )
    await expect(send(channels.staffUsage, appUrl, { days: 30 })).resolves.toEqual({
      refused: 'sign-in-required',
    })
  })

  it('lets any other error reach Electron, which rejects the call in the page', async () => {
    const { send } = setUp(
      vi.fn(async () => {
        throw new Error('disk full')
      }),
    )
    await expect(send(channels.getSettings, appUrl)).rejects.toThrow('disk full')
  })
})
