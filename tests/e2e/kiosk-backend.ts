import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { createHandlers, type ShellActions } from '../../electron/main/handlers'
import { registerIpc } from '../../electron/main/ipc'
import { createContentStore } from '../../electron/services/content-store'
import { createSettingsStore } from '../../electron/services/settings-store'
import { createUsageStore } from '../../electron/services/usage-store'
import { apiMethods, channels, type ApiMethod } from '../../electron/shared/channels'

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined }

/**
 * Gives the page the same `window.kiosk` the Electron preload gives it, backed by the real
 * main-process handlers, the real IPC checks (sender and arguments) and real services on a
 * temporary user-data folder. Only what needs Electron itself (the printer) is the test's.
 */
export async function installKioskBackend(
  page: Page,
  options: { print: ShellActions['print']; userData?: string },
) {
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'kiosk-user-data-'))
  const usage = createUsageStore({ dir: userData, flushIntervalMs: 50 })
  const registered = new Map<string, Invoke>()
  registerIpc(
    {
      handle: (channel: string, handler: Invoke) => void registered.set(channel, handler),
    } as never,
    createHandlers({
      content: createContentStore({ contentDir: 'content' }),
      settings: createSettingsStore({ dir: userData }),
      usage,
      appInfo: { name: 'back-spasm-kiosk', version: 'test', platform: 'electron', packaged: false },
      log: quietLog,
      shell: {
        heartbeat: () => undefined,
        clearVisitData: async () => undefined,
        print: options.print,
      },
    }),
    { isTrustedSender: (url) => url.startsWith('http://127.0.0.1:'), log: quietLog },
  )
  await page.exposeBinding('__kioskInvoke', async (source, method: ApiMethod, args: unknown[]) => {
    const handler = registered.get(channels[method])
    if (!handler) throw new Error(`no handler for ${method}`)
    return handler({ senderFrame: { url: source.frame.url() } }, ...args)
  })
  await page.addInitScript((methods: string[]) => {
    const invoke = (
      window as unknown as { __kioskInvoke: (m: string, a: unknown[]) => Promise<unknown> }
    ).__kioskInvoke
    Object.defineProperty(window, 'kiosk', {
      value: Object.freeze(
        Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => invoke(m, args)])),
      ),
    })
  }, apiMethods)
  return { userData, usage }
}
