import type { AuditEvent, AuditLog } from '../services/audit-log'
import type { BackupService } from '../services/backup-service'
import type { DraftStore } from '../services/draft-store'
import type { ExportFolder } from '../services/export-folder'
import type { FleetService } from '../services/fleet/fleet-service'
import type { ContentStore } from '../services/content-store'
import type { OverrideStore } from '../services/override-store'
import type { PinStore } from '../services/pin-store'
import type { SettingsStore } from '../services/settings-store'
import type { SetupRecord } from '../services/setup-record'
import type { ShippedPages } from '../services/shipped-pages'
import type { UsageStore } from '../services/usage-store'
import type { ApiMethod } from '../shared/channels'
import type { AppInfo, KioskApi } from '../shared/contract'
import type { Logger } from '../shared/logger'
import type { Settings } from '../shared/settings-schema'
import type { PrinterWatch } from './printer-watch'
import type { KioskSetupFlow } from './kiosk-setup'
import type { KioskShell } from './shell'
import type { ShownPages } from './shown-pages'
import type { StaffGate } from './staff-gate'

/** The contract's methods as the backend implements them, after the guard has let a call in. */
export type Handlers = {
  [M in ApiMethod]: (...args: Parameters<KioskApi[M]>) => ReturnType<KioskApi[M]>
}

export interface KioskServices {
  content: ContentStore
  settings: SettingsStore
  usage: UsageStore
  pin: PinStore
  setupRecord: SetupRecord
  overrides: OverrideStore
  audit: AuditLog
  shipped: ShippedPages
  backup: BackupService
  drafts: DraftStore
  exports: ExportFolder
}

/** What every group of handlers is built from. */
export interface BackendContext {
  services: KioskServices
  shell: KioskShell
  staff: StaffGate
  printer: PrinterWatch
  setup: KioskSetupFlow
  /** The content pack and site layers, staging and switching, fleet status. */
  fleet: FleetService
  /** The pages as visitors see them, with every layer laid over the shipped content. */
  pages: ShownPages
  log: Logger
  now: () => Date
  appInfo: AppInfo
  /** Reads the settings and tells the host about them (e.g. a new idle timeout). */
  currentSettings(): Promise<Settings>
  /** Tells the host about settings staff just saved or imported. */
  applied(settings: Settings): void
  /** Audit failures are logged, not thrown: the change itself has already been made. */
  record(event: AuditEvent, detail?: string): Promise<void>
}
