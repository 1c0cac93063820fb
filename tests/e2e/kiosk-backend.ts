import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { createHandlers, type ShellActions } from '../../electron/main/handlers'
import { registerIpc } from '../../electron/main/ipc'
import { createAuditLog } from '../../electron/services/audit-log'
import { createContentStore } from '../../electron/services/content-store'
import { createOverrideStore } from '../../electron/services/override-store'
import { createPinStore } from '../../electron/services/pin-store'
import { createSettingsStore } from '../../electron/services/settings-store'
import { createUsageStore } from '../../electron/services/usage-store'
import { apiMethods, channels, type ApiMethod } from '../../electron/shared/channels'
import type { Settings } from '../../electron/shared/settings-schema'

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>

/**
 * Gives the page the same `window.kiosk` the Electron preload gives it, backed by the real
 * main-process handlers, the real IPC checks (sender and arguments) and real services on a
 * temporary user-data folder. Only what needs Electron itself (the printer, quitting) is the
 * test's. The stores are returned so a test can arrange state (a PIN already set) and check it.
 */
export async function installKioskBackend(
  page: Page,
  options: { print: ShellActions['print']; userData?: string },
) {
  // Errors main would log (including page errors the page reports) are kept for the test.
  const loggedErrors: string[] = []
  const quietLog = {
    info: () => undefined,
    warn: () => undefined,
    error: (...parts: unknown[]) => void loggedErrors.push(parts.map(String).join(' ')),
  }
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'kiosk-user-data-'))
  const usage = createUsageStore({ dir: userData, flushIntervalMs: 50 })
  const settings = createSettingsStore({ dir: userData })
  const pin = createPinStore({ dir: userData })
  const overrides = createOverrideStore({ dir: userData })
  const audit = createAuditLog({ dir: userData })
  const backupsDir = join(userData, 'backups')
  /** What staff mode asked of the shell that a browser test cannot really do. */
  const shellCalls = { exit: 0, restart: 0, testPrints: [] as Settings[] }
  const registered = new Map<string, Invoke>()
  registerIpc(
    {
      handle: (channel: string, handler: Invoke) => void registered.set(channel, handler),
    } as never,
    createHandlers({
      content: createContentStore({ contentDir: 'content' }),
      settings,
      usage,
      pin,
      overrides,
      audit,
      backupsDir,
      appInfo: { name: 'back-spasm-kiosk', version: 'test', platform: 'electron', packaged: false },
      log: quietLog,
      shell: {
        heartbeat: () => undefined,
        clearVisitData: async () => undefined,
        print: options.print,
        listPrinters: async () => [
          { name: 'Front Desk Printer', displayName: 'Front Desk Printer', isDefault: true },
        ],
        testPrint: (current) => {
          shellCalls.testPrints.push(current)
          return options.print({ sheetId: 'prevention', locale: current.defaultLocale }, current)
        },
        exit: () => {
          shellCalls.exit += 1
        },
        restart: () => {
          shellCalls.restart += 1
        },
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
  return { userData, usage, settings, pin, overrides, audit, backupsDir, shellCalls, loggedErrors }
}
