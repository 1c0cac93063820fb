import { join } from 'node:path'
import { createAuditLog, type AuditEvent } from '../services/audit-log'
import { createBackupService } from '../services/backup-service'
import { createContentStore } from '../services/content-store'
import { createIppPrinters, type PrinterQueries } from '../services/ipp-printers'
import { createDraftStore } from '../services/draft-store'
import { createExportFolder } from '../services/export-folder'
import { createFleetService, type FleetServiceOptions } from '../services/fleet/fleet-service'
import { createHealthCounters } from '../services/fleet/health-counters'
import { createOverrideStore } from '../services/override-store'
import { createPinStore } from '../services/pin-store'
import { createSettingsStore } from '../services/settings-store'
import { createSetupRecord } from '../services/setup-record'
import { createShippedPages } from '../services/shipped-pages'
import { createUsageStore } from '../services/usage-store'
import type { AppInfo } from '../shared/contract'
import type { Logger } from '../shared/logger'
import type { Settings } from '../shared/settings-schema'
import type { BackendContext, Handlers, KioskServices } from './backend-context'
import { createGuard, type Invoke } from './guard'
import { appHandlers } from './handlers/app-handlers'
import { backupHandlers } from './handlers/backup-handlers'
import { contentHandlers } from './handlers/content-handlers'
import { diagnosticsHandlers } from './handlers/diagnostics-handlers'
import { draftHandlers } from './handlers/draft-handlers'
import { fleetHandlers } from './handlers/fleet-handlers'
import { withHealthTaps } from './health-taps'
import { settingsHandlers } from './handlers/settings-handlers'
import { setupHandlers } from './handlers/setup-handlers'
import { signInHandlers } from './handlers/sign-in-handlers'
import { visitorHandlers } from './handlers/visitor-handlers'
import { createPrinterWatch } from './printer-watch'
import { createKioskSetup } from './kiosk-setup'
import type { KioskShell } from './shell'
import { createStaffGate } from './staff-gate'
import { createShownPages } from './shown-pages'
import { recordPackSwitches, type PackSwitch } from './pack-history'

export interface KioskBackendOptions {
  /** Where settings, the PIN, content changes, counts and the audit log are kept. */
  userDataDir: string
  /** The shipped content: content/ in the app. */
  contentDir: string
  shell: KioskShell
  log: Logger
  appInfo: Omit<AppInfo, 'platform'>
  now?: () => Date
  /** Told about settings as they are read or changed, e.g. to follow a new idle timeout. */
  onSettings?: (settings: Settings) => void
  /** The longest time usage counts wait in memory before they are written. */
  usageFlushIntervalMs?: number
  /** How the printer's state is asked: CUPS over IPP on this computer unless given. */
  printers?: PrinterQueries
  /** How often the printer is asked without a screen asking; 0 for never (tests). */
  printerCheckIntervalMs?: number
  /** Test hooks for the fleet side: timers, randomness and time limits. */
  fleet?: Pick<
    FleetServiceOptions,
    'timers' | 'random' | 'requestTimeoutMs' | 'startScreenTimeoutMs'
  >
}

/**
 * The kiosk's one backend: its services on a user-data folder, the contract's handlers, and
 * the guard every call goes through. The Electron shell, the web host and the tests all
 * build it here, so the wiring exists once.
 */
export function createKioskBackend(options: KioskBackendOptions) {
  const now = options.now ?? (() => new Date())
  const dir = options.userDataDir
  const content = createContentStore({ contentDir: options.contentDir })
  const counters = createHealthCounters(now)
  // The history notes each switch; it is built from services made after the fleet's.
  let packSwitched: ((change: PackSwitch) => Promise<void>) | null = null
  const fleet = createFleetService({
    userDataDir: dir,
    fetch: options.shell.fetch,
    appVersion: options.appInfo.version,
    counters,
    log: options.log,
    now,
    onSwitch: (change) => packSwitched?.(change) ?? Promise.resolve(),
    ...options.fleet,
  })
  const settings = createSettingsStore({
    dir,
    now,
    fallback: () => fleet.settings(),
    kept: () => fleet.siteSettings(),
  })
  const overrides = createOverrideStore({ dir, now })
  const shipped = createShippedPages(content)
  const setupRecord = createSetupRecord({ dir, now })
  const exports = createExportFolder({ userDataDir: dir, settings })
  const services: KioskServices = {
    content,
    settings,
    overrides,
    shipped,
    usage: createUsageStore({ dir, now, flushIntervalMs: options.usageFlushIntervalMs }),
    pin: createPinStore({ dir, now, setup: setupRecord }),
    setupRecord,
    audit: createAuditLog({ dir, now }),
    backup: createBackupService({
      dir: join(dir, 'backups'),
      settings,
      overrides,
      shipped,
      exports,
      log: options.log,
      now,
    }),
    drafts: createDraftStore({ dir, now }),
    exports,
  }
  const pages = createShownPages({ content, overrides, fleet, log: options.log })
  packSwitched = recordPackSwitches({ pages, overrides, log: options.log })

  async function record(event: AuditEvent, detail?: string): Promise<void> {
    try {
      await services.audit.append(detail === undefined ? { event } : { event, detail })
    } catch (error) {
      options.log.error(`staff: could not write "${event}" to the audit log: ${String(error)}`)
    }
  }

  const staff = createStaffGate({ settings, record, log: options.log, now })
  const printer = createPrinterWatch({
    queries: options.printers ?? createIppPrinters(),
    printer: options.shell.printer,
    settings: () => settings.get(),
    log: options.log,
    now,
    intervalMs: options.printerCheckIntervalMs ?? 30_000,
    onCheck: (status, changed) => {
      counters.printerChecked(status)
      // IT hears of a printer that stops (or starts again) at once, not at the next report.
      if (changed) void fleet.reportNow()
    },
  })
  const applied = (current: Settings) => options.onSettings?.(current)
  const setup = createKioskSetup({ pin: services.pin, settings, applied, record, userDataDir: dir })
  const ctx: BackendContext = {
    services,
    shell: options.shell,
    staff,
    printer,
    setup,
    fleet,
    pages,
    log: options.log,
    now,
    appInfo: { ...options.appInfo, platform: options.shell.platform },
    record,
    applied,
    currentSettings: async () => {
      const current = await settings.get()
      applied(current)
      return current
    },
  }
  const handlers: Handlers = withHealthTaps(counters, {
    ...visitorHandlers(ctx),
    ...setupHandlers(ctx),
    ...signInHandlers(ctx),
    ...settingsHandlers(ctx),
    ...contentHandlers(ctx),
    ...backupHandlers(ctx),
    ...draftHandlers(ctx),
    ...diagnosticsHandlers(ctx),
    ...appHandlers(ctx),
    ...fleetHandlers(ctx),
  })

  const guard = createGuard({ handlers, staff, setupNeeded: setup.needed, log: options.log })
  /** Calls under way, so nothing they are writing is cut off when the process ends. */
  const inFlight = new Set<Promise<unknown>>()
  const invoke: Invoke = (method, args, caller) => {
    const call = guard(method, args, caller)
    const done = () => inFlight.delete(call)
    inFlight.add(call)
    call.then(done, done)
    return call
  }

  return {
    services,
    invoke,
    /** IT's commands on the computer: `--setup <file>` and `--reset-staff-pin`. */
    setup,
    /**
     * Lets the calls under way finish (and so their writes), then writes what still waits in
     * memory: before the process ends.
     */
    flush: async () => {
      await Promise.allSettled([...inFlight])
      await services.usage.flush()
    },
    fleet,
    /** The printer's last known state, for a status report; asks nothing. */
    printerStatus: () => printer.current(),
    /** The Electron shell reports renderer crashes and hangs here, for the health metrics. */
    rendererGone: (kind: 'crash' | 'hang') => counters.rendererGone(kind),
    /** Stops the fleet's timers and its metric exporter. */
    close: () => {
      printer.stop()
      return fleet.stop()
    },
  }
}
