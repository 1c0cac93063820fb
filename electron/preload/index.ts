import { contextBridge, ipcRenderer } from 'electron'
import { apiMethods, channels } from '../shared/channels'

// Only named methods cross the bridge: the page never sees ipcRenderer itself.
const api = Object.fromEntries(
  apiMethods.map((method) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(channels[method], ...args),
  ]),
)

contextBridge.exposeInMainWorld('kiosk', Object.freeze(api))
