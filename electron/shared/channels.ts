/**
 * IPC channel names, kept free of zod so the sandboxed preload bundle stays tiny.
 * contract.ts pairs each name with its schemas.
 */
export const channels = {
  getContent: 'content:get',
  getSettings: 'settings:get',
  getAppInfo: 'app:get-info',
  heartbeat: 'visit:heartbeat',
  endVisit: 'visit:end',
  printSheet: 'print:sheet',
} as const

export type ApiMethod = keyof typeof channels
export const apiMethods = Object.keys(channels) as ApiMethod[]
