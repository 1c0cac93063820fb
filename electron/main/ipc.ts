import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { Invoke } from '../backend/guard'
import { CallRefused } from '../shared/call-refused'
import { apiMethods, channels } from '../shared/channels'
import type { CallAnswer } from '../shared/contract'

/**
 * Puts every contract method on its IPC channel. The caller is trusted when the frame that
 * sent it shows one of the app's own pages; everything else is the backend's guard.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  invoke: Invoke,
  options: { isTrustedSender: (url: string) => boolean },
): void {
  for (const method of apiMethods) {
    ipcMain.handle(
      channels[method],
      async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<CallAnswer> => {
        const url = event.senderFrame?.url ?? ''
        try {
          const result = await invoke(method, args, {
            trusted: options.isTrustedSender(url),
            from: `the page at "${url}"`,
          })
          return { result }
        } catch (error) {
          if (error instanceof CallRefused) return { refused: error.reason }
          throw error
        }
      },
    )
  }
}
