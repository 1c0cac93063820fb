import type { Transport } from './index'
import type { KioskBridge } from '@shared/contract'

/** Inside Electron: each call goes over IPC through the preload's bridge. */
export function electronTransport(bridge: KioskBridge): Transport {
  return (method, args) => bridge[method](...args)
}
