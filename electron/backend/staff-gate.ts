import type { AuditEvent } from '../services/audit-log'
import type { SettingsStore } from '../services/settings-store'
import { defaultSettings } from '../shared/settings-defaults'
import type { Logger } from '../shared/logger'
import { createStaffSession } from './staff-session'

/**
 * The staff session as the backend keeps it: it follows the staff idle timeout in the
 * settings and notes in the audit log when it runs out. The renderer's route guard only
 * decides what to draw; this is what every staff-only call is checked against.
 */
export function createStaffGate(deps: {
  settings: SettingsStore
  record: (event: AuditEvent, detail?: string) => Promise<void>
  log: Logger
  now: () => Date
}) {
  let idleMs = defaultSettings.staffIdleTimeoutSeconds * 1000
  /** The session notices it has run out inside a synchronous check; its audit line lands here. */
  let expiryRecorded: Promise<void> = Promise.resolve()
  const session = createStaffSession({
    idleTimeoutMs: () => idleMs,
    now: () => deps.now().getTime(),
    onExpire: () => {
      deps.log.info('staff: signed out after no staff activity')
      expiryRecorded = deps.record('sign-out', 'no staff activity for the staff idle timeout')
    },
  })

  /** The timeout is read on each check, so a changed settings file counts from the next call. */
  async function followIdleTimeout(): Promise<void> {
    try {
      idleMs = (await deps.settings.get()).staffIdleTimeoutSeconds * 1000
    } catch (error) {
      // Keep the last known timeout: staff must still reach the screen that fixes settings.
      deps.log.warn(`staff: could not read the settings, keeping the idle timeout: ${error}`)
    }
  }

  /** Whether staff are signed in; `activity` also counts the call as staff activity. */
  async function isOpen(activity: boolean): Promise<boolean> {
    await followIdleTimeout()
    const open = activity ? session.touch() : session.isActive()
    await expiryRecorded
    return open
  }

  /** Signed in with a PIN that new PINs may no longer be: staff mode asks to change it. */
  let changeAdvised = false

  return {
    isOpen,
    start(options: { changeAdvised: boolean }): void {
      changeAdvised = options.changeAdvised
      session.start()
    },
    end(): void {
      changeAdvised = false
      session.end()
    },
    changeAdvised: () => changeAdvised,
    pinChanged(): void {
      changeAdvised = false
    },
  }
}
export type StaffGate = ReturnType<typeof createStaffGate>
