import { apiMethods, type ApiMethod } from '@shared/channels'
import { CallRefused } from '@shared/call-refused'
import type { CallAnswer, KioskApi } from '@shared/contract'
import { electronTransport } from './electron'
import { httpTransport } from './http'

/** Sends one call and gives back the backend's answer; the two transports differ only here. */
export type Transport = (method: ApiMethod, args: unknown[]) => Promise<CallAnswer>

/**
 * The KioskApi over a transport. Arguments are made plain data first: a Vue proxy cannot be
 * cloned across Electron's contextBridge, and HTTP sends JSON anyway, so both see the same.
 */
export function createKioskApi(transport: Transport): KioskApi {
  const call = async (method: ApiMethod, args: unknown[]) => {
    const plain = JSON.parse(JSON.stringify(args)) as unknown[]
    const answer = await transport(method, plain)
    if ('refused' in answer) throw new CallRefused(answer.refused, method)
    return answer.result
  }
  return Object.fromEntries(
    apiMethods.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as KioskApi
}

let chosen: Transport | undefined

/**
 * The only way the renderer reaches the backend: Electron's preload bridge inside the app,
 * HTTP to the web host that served the page in a browser. Chosen at the first call, so the
 * build-time render of the start screen can import the app without a window.
 */
export const kiosk: KioskApi = createKioskApi((method, args) => {
  chosen ??= window.kiosk
    ? electronTransport(window.kiosk)
    : httpTransport(window.fetch.bind(window))
  return chosen(method, args)
})
