import { join } from 'node:path'
import { vi } from 'vitest'
import { createHandlers, type ShellActions } from '../../../electron/main/handlers'
import { createAuditLog } from '../../../electron/services/audit-log'
import { createContentStore } from '../../../electron/services/content-store'
import { createOverrideStore } from '../../../electron/services/override-store'
import { createPinStore } from '../../../electron/services/pin-store'
import { createSettingsStore } from '../../../electron/services/settings-store'
import { createUsageStore } from '../../../electron/services/usage-store'
import type { Printer } from '../../../electron/shared/contract'
import { memoryLogger } from './test-logger'

export const frontDesk: Printer = {
  name: 'Front Desk Printer',
  displayName: 'Front Desk Printer',
  isDefault: true,
}

/**
 * The real handlers over real stores in `dir` (the user-data folder), with the shipped content
 * and a fake shell. Every store shares the one clock, so a test can move time for all of them.
 */
export function createTestKiosk(
  dir: string,
  options: { print?: ShellActions['print']; now?: () => Date } = {},
) {
  const now = options.now ?? (() => new Date())
  const print = options.print ?? (async () => ({ ok: true, via: 'printer' }) as const)
  const usage = createUsageStore({ dir, now, flushIntervalMs: 10 })
  const settings = createSettingsStore({ dir, now })
  const pin = createPinStore({ dir, now })
  const overrides = createOverrideStore({ dir, now })
  const audit = createAuditLog({ dir, now })
  const backupsDir = join(dir, 'backups')
  const shell = {
    heartbeat: vi.fn(),
    clearVisitData: vi.fn(async () => undefined),
    print: vi.fn(print),
    listPrinters: vi.fn(async () => [frontDesk]),
    testPrint: vi.fn<ShellActions['testPrint']>(async () => ({ ok: true, via: 'printer' })),
    exit: vi.fn(),
    restart: vi.fn(),
  }
  const onSettings = vi.fn()
  const log = memoryLogger()
  const handlers = createHandlers({
    content: createContentStore({ contentDir: 'content' }),
    settings,
    usage,
    pin,
    overrides,
    audit,
    backupsDir,
    appInfo: { name: 'kiosk', version: '1.0.0', platform: 'electron', packaged: true },
    shell,
    log,
    onSettings,
    now,
  })
  return { handlers, shell, usage, settings, pin, overrides, audit, backupsDir, onSettings, log }
}
