import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../services/atomic-file'
import type { AuditEvent, AuditLog } from '../services/audit-log'
import { ContentUnavailableError, type ContentStore } from '../services/content-store'
import type { OverrideStore } from '../services/override-store'
import { maxAttempts, type PinStore, type VerifyResult } from '../services/pin-store'
import type { SettingsStore } from '../services/settings-store'
import type { UsageStore } from '../services/usage-store'
import { exportBackup, parseBackup } from '../shared/backup'
import type { ApiMethod } from '../shared/channels'
import { documentSchema, locales, type Locale } from '../shared/content-schema'
import {
  describeIssues,
  type Printer,
  type PrintResult,
  type Problem,
  type SignInResult,
} from '../shared/contract'
import { overrideKey, parseOverrideKey, type OverrideKind } from '../shared/merge-overrides'
import { defaultSettings } from '../shared/settings-defaults'
import { settingsSchema, type Settings } from '../shared/settings-schema'
import type { Handlers } from './ipc'
import type { Logger } from './logger'
import { createStaffSession } from './staff-session'

export const staffSignInRequired = 'Staff sign-in is required'

/** Thrown by every staff-only method without a signed-in session, whatever the renderer shows. */
export class StaffSignInRequiredError extends Error {
  constructor() {
    super(staffSignInRequired)
  }
}

type StaffMethod = Extract<ApiMethod, `staff${string}`>
/** The staff methods that must work before anyone has signed in. */
export const openStaffMethods = [
  'staffStatus',
  'staffSetPin',
  'staffSignIn',
  'staffSignOut',
] as const satisfies readonly StaffMethod[]
export type GatedStaffMethod = Exclude<StaffMethod, (typeof openStaffMethods)[number]>
export type StaffHandlers = Pick<Handlers, StaffMethod | 'recordUsage'>

/** What staff mode needs from Electron itself, passed in so it can be tested in Node. */
export interface StaffShellActions {
  listPrinters(): Promise<Printer[]>
  /** Prints the 'prevention' sheet in the default language with these printer settings. */
  testPrint(settings: Settings): Promise<PrintResult>
  exit(): void
  restart(): void
}

export interface StaffHandlerDeps {
  content: ContentStore
  settings: SettingsStore
  usage: UsageStore
  pin: PinStore
  overrides: OverrideStore
  audit: AuditLog
  /** Where exported backups are also kept: <userData>/backups in the app. */
  backupsDir: string
  shell: StaffShellActions
  log: Logger
  /** Told about settings as they change, e.g. to follow a new idle timeout at once. */
  onSettings?: (settings: Settings) => void
  /** The clock for the staff session and backup names; the stores keep their own. */
  now?: () => Date
}

const languageNames: Record<Locale, string> = { en: 'English', es: 'Spanish' }
/** The audit log refuses longer details, so free text cannot creep in through them. */
const maxAuditDetail = 200

function wrongPinMessage(attemptsLeft: number): string {
  return `That PIN is not right. ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left.`
}

function lockedMessage(lockedUntil: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil - now) / 60_000))
  return `Too many wrong PINs. The pad is locked for ${minutes} minute${minutes === 1 ? '' : 's'}.`
}

/** "clinicName, printerName", or "a, b and 9 more" when the names would not fit the audit line. */
function namesWithin(names: string[], max: number): string {
  const all = names.join(', ')
  if (all.length <= max) return all
  for (let shown = names.length - 1; shown > 0; shown--) {
    const text = `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`
    if (text.length <= max) return text
  }
  return `${names.length} settings`
}

/** Local wall-clock time, as staff would look for the file: 2026-11-21-143005. */
function backupStamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`
}

function notShippedMessage(locale: Locale, kind: OverrideKind, id: string): string {
  return `There is no ${kind} "${id}" in the ${languageNames[locale]} content. Staff can edit, hide and re-order the pages that come with the app, but not add new ones.`
}

/** Every method of the contract that must be gated runs this first, by construction. */
function gated<T extends Record<string, (...args: never[]) => Promise<unknown>>>(
  methods: T,
  gate: () => Promise<void>,
): T {
  return Object.fromEntries(
    Object.entries(methods).map(([name, method]) => [
      name,
      async (...args: never[]) => {
        await gate()
        return method(...args)
      },
    ]),
  ) as T
}

/**
 * Staff mode's side of the contract, plus the visitor usage events. The main process is the
 * gate: the renderer's route guard only decides what to draw, so every staff-only method here
 * refuses to run without a signed-in session, however it is reached.
 */
export function createStaffHandlers(deps: StaffHandlerDeps): StaffHandlers {
  const now = deps.now ?? (() => new Date())
  let staffIdleMs = defaultSettings.staffIdleTimeoutSeconds * 1000

  /** Audit failures are logged, not thrown: the change itself has already been made. */
  async function record(event: AuditEvent, detail?: string): Promise<void> {
    try {
      await deps.audit.append(detail === undefined ? { event } : { event, detail })
    } catch (error) {
      deps.log.error(`staff: could not write "${event}" to the audit log: ${String(error)}`)
    }
  }

  /** The session notices it has run out inside a synchronous check; its audit line lands here. */
  let expiryRecorded: Promise<void> = Promise.resolve()
  const session = createStaffSession({
    idleTimeoutMs: () => staffIdleMs,
    now: () => now().getTime(),
    onExpire: () => {
      deps.log.info('staff: signed out after no staff activity')
      expiryRecorded = record('sign-out', 'no staff activity for the staff idle timeout')
    },
  })

  function apply(settings: Settings): void {
    staffIdleMs = settings.staffIdleTimeoutSeconds * 1000
    deps.onSettings?.(settings)
  }

  /** The timeout is read on each check, so a changed settings file counts from the next call. */
  async function followIdleTimeout(): Promise<void> {
    try {
      staffIdleMs = (await deps.settings.get()).staffIdleTimeoutSeconds * 1000
    } catch (error) {
      // Keep the last known timeout: staff must still reach the screen that fixes settings.
      deps.log.warn(`staff: could not read the settings, keeping the idle timeout: ${error}`)
    }
  }

  /** Whether staff are signed in; `activity` also counts the call as staff activity. */
  async function sessionOpen(activity: boolean): Promise<boolean> {
    await followIdleTimeout()
    const open = activity ? session.touch() : session.isActive()
    await expiryRecorded
    return open
  }

  async function requireSession(): Promise<void> {
    if (!(await sessionOpen(true))) throw new StaffSignInRequiredError()
  }

  async function flushUsage(): Promise<void> {
    try {
      await deps.usage.flush()
    } catch (error) {
      deps.log.error(`staff: could not save the usage counts before closing: ${String(error)}`)
    }
  }

  /** The override keys staff may use: one for each page shipped in these languages. */
  async function shippedKeys(wanted: readonly Locale[]): Promise<Set<string>> {
    const keys = new Set<string>()
    for (const locale of wanted) {
      let loaded
      try {
        loaded = await deps.content.load(locale)
      } catch (error) {
        // No usable content in that language means no page there can be changed.
        if (error instanceof ContentUnavailableError) continue
        throw error
      }
      for (const doc of loaded.content.sections) keys.add(overrideKey(locale, 'section', doc.id))
      for (const doc of loaded.content.sheets) keys.add(overrideKey(locale, 'sheet', doc.id))
    }
    return keys
  }

  /** Turns a refused PIN check into what the PIN pad shows, auditing it (never the PIN). */
  async function refusePin(
    result: Exclude<VerifyResult, { ok: true }>,
    wasLocked: boolean,
    action: string,
  ): Promise<SignInResult & { ok: false }> {
    let message = result.message
    if (result.reason === 'wrong') {
      message = wrongPinMessage(result.attemptsLeft)
      await record('sign-in-failed', `${action}: wrong PIN, ${result.attemptsLeft} left`)
    } else if (result.reason === 'locked' && result.lockedUntil !== null) {
      message = lockedMessage(result.lockedUntil, now().getTime())
      if (wasLocked) await record('sign-in-failed', `${action}: the PIN pad was locked`)
      else await record('locked', `${action}: too many wrong PINs`)
    } else if (result.reason === 'not-set') {
      message = 'No staff PIN has been set yet. Set a PIN first.'
    }
    return {
      ok: false,
      reason: result.reason,
      message,
      attemptsLeft: result.attemptsLeft,
      lockedUntil: result.lockedUntil,
    }
  }

  const open: Pick<Handlers, (typeof openStaffMethods)[number] | 'recordUsage'> = {
    recordUsage: async (event) => {
      switch (event.type) {
        case 'visit':
          deps.usage.visit()
          break
        case 'section-view':
          deps.usage.sectionView(event.sectionId, event.seconds)
          break
        case 'language':
          deps.usage.languageUsed(event.locale)
          break
        case 'idle-reset':
          deps.usage.idleReset()
          break
      }
    },

    // Asking is not staff activity: a screen polling the status must not keep a session open.
    staffStatus: async () => {
      const signedIn = await sessionOpen(false)
      const pin = await deps.pin.status()
      return {
        pinSet: pin.isSet,
        signedIn,
        lockedUntil: pin.lockedUntil,
        attemptsLeft: pin.lockedUntil === null ? maxAttempts - pin.failedAttempts : 0,
      }
    },

    staffSetPin: async ({ pin, currentPin }) => {
      const status = await deps.pin.status()
      if (!status.isSet) {
        // First run: there is nothing to protect yet. The pin store checks again under its
        // lock, so if another call set a PIN meanwhile this one is refused, not let through.
        const result = await deps.pin.setPin(pin)
        if (!result.ok) return { ok: false, message: result.message }
        session.start()
        await record('pin-changed', 'first PIN set')
        deps.log.info('staff: the first staff PIN was set')
        return { ok: true }
      }
      await requireSession()
      if (!currentPin) return { ok: false, message: 'Enter the current PIN to change it.' }
      const result = await deps.pin.setPin(pin, currentPin)
      if (result.ok) {
        await record('pin-changed')
        return { ok: true }
      }
      // A new PIN of the wrong shape, or no current PIN: nothing was checked, nothing counts.
      if (!('attemptsLeft' in result)) return { ok: false, message: result.message }
      const refused = await refusePin(result, status.lockedUntil !== null, 'changing the PIN')
      // Someone guessing at an open staff screen is exactly who the current PIN keeps out.
      if (refused.reason === 'locked') session.end()
      return { ok: false, message: refused.message }
    },

    staffSignIn: async ({ pin }) => {
      const before = await deps.pin.status()
      const result = await deps.pin.verify(pin)
      if (!result.ok) return refusePin(result, before.lockedUntil !== null, 'signing in')
      session.start()
      await record('sign-in')
      return { ok: true }
    },

    staffSignOut: async () => {
      if (!(await sessionOpen(false))) return
      session.end()
      await record('sign-out')
    },
  }

  const staffOnly: Pick<Handlers, GatedStaffMethod> = {
    staffSaveSettings: async (input) => {
      const parsed = settingsSchema.safeParse(input)
      if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) }
      const before = await deps.settings.get()
      const saved = await deps.settings.save(parsed.data)
      apply(saved)
      const changed = (Object.keys(saved) as (keyof Settings)[]).filter(
        (name) => JSON.stringify(before[name]) !== JSON.stringify(saved[name]),
      )
      // Names only: values such as the clinic's phone number stay out of the audit log.
      if (changed.length > 0) await record('settings-changed', namesWithin(changed, maxAuditDetail))
      return { ok: true, settings: saved }
    },

    staffListPrinters: () => deps.shell.listPrinters(),

    staffTestPrint: async () => {
      const settings = await deps.settings.get()
      deps.log.info(`staff: test print on "${settings.printerName || '(no printer chosen)'}"`)
      return deps.shell.testPrint(settings)
    },

    staffSaveDocument: async ({ locale, kind, document }) => {
      const parsed = documentSchema.safeParse(document)
      if (!parsed.success) {
        return {
          ok: false,
          problems: describeIssues(parsed.error).map((p) => ({
            field: p.field === '(whole file)' ? '(whole document)' : p.field,
            message: p.message,
          })),
        }
      }
      const { id } = parsed.data
      const key = overrideKey(locale, kind, id)
      if (!(await shippedKeys([locale])).has(key)) {
        return {
          ok: false,
          problems: [{ field: 'id', message: notShippedMessage(locale, kind, id) }],
        }
      }
      const result = await deps.overrides.put(key, parsed.data, { author: 'staff' })
      if (!result.ok) {
        return {
          ok: false,
          problems: result.problems.map(({ field, message }) => ({ field, message })),
        }
      }
      if (result.changed) await record('content-changed', key)
      return { ok: true }
    },

    staffResetDocument: async ({ locale, kind, id }) => {
      const key = overrideKey(locale, kind, id)
      const result = await deps.overrides.remove(key, { author: 'staff' })
      if (!result.ok) return { ok: false, message: result.problems.map((p) => p.message).join(' ') }
      if (result.changed) await record('content-changed', `${key} reset to the shipped version`)
      return { ok: true }
    },

    staffHistory: async () =>
      (await deps.overrides.history()).map(({ id, at, summary }) => ({ id, at, summary })),

    staffRestore: async ({ id }) => {
      const result = await deps.overrides.restore(id, { author: 'staff' })
      if (!result.ok) return { ok: false, message: result.problems.map((p) => p.message).join(' ') }
      await record('content-restored', id)
      return { ok: true }
    },

    staffExportBackup: async () => {
      const at = now()
      const text = exportBackup({
        settings: await deps.settings.get(),
        overrides: await deps.overrides.list(),
        now: () => at,
      })
      const fileName = `kiosk-backup-${backupStamp(at)}.json`
      await record('export', fileName)
      try {
        await mkdir(deps.backupsDir, { recursive: true })
        const savedTo = join(deps.backupsDir, fileName)
        await writeFileAtomic(savedTo, text)
        return { fileName, text, savedTo }
      } catch (error) {
        // Staff still get the file to save elsewhere; only the kiosk's own copy is missing.
        deps.log.error(`staff: could not keep a backup copy in ${deps.backupsDir}: ${error}`)
        return { fileName, text }
      }
    },

    staffImportBackup: async ({ text }) => {
      const parsed = parseBackup(text)
      if (!parsed.ok) return { ok: false, problems: parsed.problems }
      const { settings, overrides } = parsed.backup
      const shipped = await shippedKeys(locales)
      const unknownPages = Object.keys(overrides).flatMap((key) => {
        const parts = parseOverrideKey(key)
        if (!parts || shipped.has(key)) return []
        return [
          {
            field: `overrides.${key}`,
            message: notShippedMessage(parts.locale, parts.kind, parts.id),
          },
        ]
      })
      if (unknownPages.length > 0) return { ok: false, problems: unknownPages }

      // Two files change: if the second cannot be written, the first is put back as it was.
      const previous = await deps.settings.get()
      await deps.settings.save(settings)
      let replaced
      try {
        replaced = await deps.overrides.replaceAll(overrides, {
          summary: 'Imported a backup',
          author: 'staff',
        })
      } catch (error) {
        await deps.settings.save(previous)
        throw error
      }
      if (!replaced.ok) {
        await deps.settings.save(previous)
        return {
          ok: false,
          problems: replaced.problems.map(({ field, message }) => ({ field, message })),
        }
      }
      apply(settings)
      const count = Object.keys(overrides).length
      await record('import', `settings and ${count} content change${count === 1 ? '' : 's'}`)
      return { ok: true }
    },

    staffUsage: ({ days }) => deps.usage.lastDays(days),

    staffAudit: ({ limit }) => deps.audit.recent(limit),

    staffProblems: async () => {
      const found: Problem[] = []
      const loadedLocales: Locale[] = []
      for (const locale of locales) {
        try {
          found.push(...(await deps.content.load(locale)).problems)
          loadedLocales.push(locale)
        } catch (error) {
          if (!(error instanceof ContentUnavailableError)) throw error
          found.push(...error.problems)
        }
      }
      // An app update may drop a page staff had changed; the change is then quietly unused.
      const shipped = await shippedKeys(loadedLocales)
      for (const key of Object.keys(await deps.overrides.list())) {
        const parts = parseOverrideKey(key)
        if (!parts || !loadedLocales.includes(parts.locale) || shipped.has(key)) continue
        found.push({
          file: 'overrides/current.json',
          field: key,
          message: `This change is not shown: the app no longer has this ${parts.kind}. Reset it to remove it.`,
        })
      }
      return [
        ...found,
        ...deps.settings.problems(),
        ...deps.usage.problems(),
        ...deps.overrides.problems(),
        ...deps.pin.problems(),
      ]
    },

    staffExit: async () => {
      deps.log.info('staff: closing the kiosk app')
      await flushUsage()
      session.end()
      deps.shell.exit()
    },

    staffRestart: async () => {
      deps.log.info('staff: restarting the kiosk app')
      // A restart skips the normal quit, so counts still waiting in memory are written now.
      await flushUsage()
      session.end()
      deps.shell.restart()
    },
  }

  return { ...open, ...gated(staffOnly, requireSession) }
}
