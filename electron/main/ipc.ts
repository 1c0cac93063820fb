import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { ApiMethod } from '../shared/channels'
import { contract, describeIssues, type KioskApi } from '../shared/contract'
import type { Logger } from './logger'

export type Handlers = {
  [M in ApiMethod]: (...args: Parameters<KioskApi[M]>) => ReturnType<KioskApi[M]>
}

export class IpcRejection extends Error {}

/**
 * Registers every contract method through one wrapper: the sender must be one of the app's
 * own pages, and the arguments must match the contract's schema, before a handler runs.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  options: { isTrustedSender: (url: string) => boolean; log: Logger },
): void {
  for (const method of Object.keys(contract) as ApiMethod[]) {
    const { channel, args: argsSchema } = contract[method]
    const handler = handlers[method] as (...args: unknown[]) => Promise<unknown>
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const url = event.senderFrame?.url ?? ''
      if (!options.isTrustedSender(url)) {
        options.log.warn(`ipc: refused ${method} from untrusted sender "${url}"`)
        throw new IpcRejection(`${method} refused: the request did not come from the kiosk`)
      }
      const parsed = argsSchema.safeParse(args)
      if (!parsed.success) {
        const reasons = describeIssues(parsed.error)
          .map((issue) => `argument ${issue.field}: ${issue.message}`)
          .join('; ')
        options.log.warn(`ipc: refused ${method}: ${reasons}`)
        throw new IpcRejection(`${method} refused: ${reasons}`)
      }
      return handler(...parsed.data)
    })
  }
}
