import { locales, type Locale, type LocaleContent } from '@shared/content-schema'
import { describeIssues, documentRefSchema, type KioskApi, type Problem } from '@shared/contract'
import { mergeOverrides, overrideKey } from '@shared/merge-overrides'
import { settingsSchema, type Settings } from '@shared/settings-schema'
import { createBrowserAudit } from './browser-audit'
import { browserExport, browserImport } from './browser-backup'
import { shippedContent } from './browser-content'
import { createBrowserOverrides, overridesStorageKey } from './browser-overrides'
import { createBrowserPin, maxAttempts, type PinRefusal } from './browser-pin'
import { createSession } from './browser-session'
import { readSettings, settingsStorageKey } from './browser-settings'
import { storageFullMessage, writeStored } from './browser-storage'
import { createBrowserUsage } from './browser-usage'

type StaffMethod = 'recordUsage' | Extract<keyof KioskApi, `staff${string}`>
export type BrowserStaffApi = Pick<KioskApi, StaffMethod>

export interface BrowserStaff extends BrowserStaffApi {
  /** A locale's shipped content with staff changes applied, for getContent. */
  mergedContent(defaults: LocaleContent, locale: Locale): LocaleContent
  /** The browser prints through its own dialog; the kiosk counts the sheet as printed. */
  countPrint(sheetId: string, locale: Locale): void
}

export interface BrowserStaffOptions {
  now?: () => number
  /** WebCrypto; defaults to the page's, and tests may pass Node's. */
  crypto?: Crypto
}

/** The audit log refuses longer details, so free text cannot creep in through them. */
const maxAuditDetail = 200

/** Names only: values such as the clinic's phone number stay out of the audit log. */
function changedSettings(before: Settings, after: Settings): string | null {
  const names = (Object.keys(after) as (keyof Settings)[]).filter(
    (name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]),
  )
  if (names.length === 0) return null
  for (let shown = names.length; shown > 0; shown--) {
    const rest = names.length - shown
    const text = `${names.slice(0, shown).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`
    if (text.length <= maxAuditDetail) return text
  }
  return `${names.length} settings`
}

/** A browser tab cannot quit or restart itself: going back to the start screen is closest. */
function reloadToStart(): void {
  window.location.hash = '#/'
  window.location.reload()
}

/**
 * Staff mode for the browser kiosk, behaving like Electron's staff handlers but keeping
 * everything in localStorage. It guards the demo kiosk from visitors, not from someone with
 * the browser's developer tools: in a browser, whoever controls the page controls storage.
 */
export function createBrowserStaff(
  storage: Storage,
  options: BrowserStaffOptions = {},
): BrowserStaff {
  const now = options.now ?? (() => Date.now())
  const crypto = options.crypto ?? globalThis.crypto
  const audit = createBrowserAudit(storage, { now })
  const pin = createBrowserPin(storage, { now, crypto })
  const usage = createBrowserUsage(storage, { now })
  const overrides = createBrowserOverrides(storage, {
    now,
    shippedIds: async (locale, kind) => (await shippedContent(locale)).ids[kind],
  })
  const session = createSession({
    now,
    timeoutMs: () => readSettings(storage).settings.staffIdleTimeoutSeconds * 1000,
    onExpire: () =>
      audit.append({ event: 'sign-out', detail: 'no staff activity for the staff idle timeout' }),
  })

  /** Notes a refused PIN with what staff were doing; never the PIN itself. */
  function logRefusal(result: PinRefusal, action: string): void {
    if (result.reason === 'wrong') {
      const detail = `${action}: wrong PIN, ${result.attemptsLeft} left`
      audit.append({ event: 'sign-in-failed', detail })
    } else if (result.newlyLocked) {
      audit.append({ event: 'locked', detail: `${action}: too many wrong PINs` })
    } else if (result.reason === 'locked') {
      audit.append({ event: 'sign-in-failed', detail: `${action}: the PIN pad was locked` })
    }
  }

  return {
    mergedContent: (defaults, locale) => mergeOverrides(defaults, overrides.current(), locale),
    countPrint(sheetId, locale) {
      usage.sheetPrinted(sheetId, locale)
    },

    async recordUsage(event) {
      usage.record(event)
    },

    // Asking is not staff activity: a screen polling the status must not keep a session open.
    async staffStatus() {
      const { isSet, failedAttempts, lockedUntil } = pin.status()
      return {
        pinSet: isSet,
        signedIn: isSet && session.active(),
        lockedUntil,
        attemptsLeft: lockedUntil === null ? maxAttempts - failedAttempts : 0,
      }
    },

    async staffSetPin({ pin: newPin, currentPin }) {
      // Only the very first PIN may be set without signing in. The PIN module checks again
      // in its queue, so a PIN set meanwhile by another call makes this one need the current.
      const first = !pin.status().isSet
      if (!first) session.require()
      const result = await pin.setPin(newPin, currentPin)
      if (!result.ok) {
        if (result.reason === 'wrong' || result.reason === 'locked') {
          logRefusal(result, 'changing the PIN')
          // Someone guessing at an open staff screen is exactly who the current PIN keeps out.
          if (result.reason === 'locked') session.end()
        }
        return { ok: false, message: result.message }
      }
      if (result.first) {
        session.start()
        audit.append({ event: 'pin-changed', detail: 'first PIN set' })
      } else {
        audit.append({ event: 'pin-changed' })
      }
      return { ok: true }
    },

    async staffSignIn({ pin: entered }) {
      const result = await pin.verify(entered)
      if (result.ok) {
        session.start()
        audit.append({ event: 'sign-in' })
        return { ok: true }
      }
      logRefusal(result, 'signing in')
      const { reason, message, attemptsLeft, lockedUntil } = result
      return { ok: false, reason, message, attemptsLeft, lockedUntil }
    },

    async staffSignOut() {
      if (session.end()) audit.append({ event: 'sign-out' })
    },

    async staffSaveSettings(input) {
      session.require()
      const parsed = settingsSchema.safeParse(input)
      if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) }
      const before = readSettings(storage).settings
      if (!writeStored(storage, settingsStorageKey, parsed.data)) {
        return { ok: false, problems: [{ field: '(storage)', message: storageFullMessage }] }
      }
      const changed = changedSettings(before, parsed.data)
      if (changed) audit.append({ event: 'settings-changed', detail: changed })
      return { ok: true, settings: parsed.data }
    },

    async staffListPrinters() {
      session.require()
      // A web page cannot see the computer's printers; the print dialog offers them instead.
      return []
    },

    async staffTestPrint() {
      session.require()
      window.print()
      return { ok: true, via: 'browser' }
    },

    async staffSaveDocument({ locale, kind, document }) {
      session.require()
      const result = await overrides.put(locale, kind, document)
      if (!result.ok) return result
      if (result.changed) audit.append({ event: 'content-changed', detail: result.key })
      return { ok: true }
    },

    async staffResetDocument(ref) {
      session.require()
      const parsed = documentRefSchema.safeParse(ref)
      if (!parsed.success) return { ok: false, message: 'There is no such page to reset.' }
      const key = overrideKey(parsed.data.locale, parsed.data.kind, parsed.data.id)
      const result = overrides.remove(key)
      if (!result.ok) return { ok: false, message: storageFullMessage }
      if (result.changed) {
        audit.append({ event: 'content-changed', detail: `${key} reset to the shipped version` })
      }
      return { ok: true }
    },

    async staffHistory() {
      session.require()
      return overrides.history()
    },

    async staffRestore({ id }) {
      session.require()
      const result = overrides.restore(id)
      if (!result.ok) return { ok: false, message: result.problems.map((p) => p.message).join(' ') }
      audit.append({ event: 'content-restored', detail: id })
      return { ok: true }
    },

    async staffExportBackup() {
      session.require()
      const backup = browserExport(storage, overrides, new Date(now()))
      audit.append({ event: 'export', detail: backup.fileName })
      return backup
    },

    async staffImportBackup({ text }) {
      session.require()
      const result = await browserImport(storage, overrides, text)
      if (!result.ok) return result
      const count = Object.keys(result.documents).length
      const detail = `settings and ${count} content change${count === 1 ? '' : 's'}`
      audit.append({ event: 'import', detail })
      return { ok: true }
    },

    async staffUsage({ days }) {
      session.require()
      return usage.lastDays(days)
    },

    async staffAudit({ limit }) {
      session.require()
      return audit.recent(limit)
    },

    async staffProblems() {
      session.require()
      const content: Problem[] = []
      for (const locale of locales) content.push(...(await shippedContent(locale)).problems)
      // A new build may drop a page staff had changed; the change is then quietly unused.
      const stale = (await overrides.unshipped(overrides.current())).map((p) => ({
        file: overridesStorageKey,
        field: p.field,
        message:
          'This change is not shown: the app no longer has this page. Reset it to remove it.',
      }))
      return [
        ...content,
        ...readSettings(storage).problems,
        ...pin.problems(),
        ...overrides.problems(),
        ...stale,
        ...usage.problems(),
        ...audit.problems(),
      ]
    },

    async staffExit() {
      session.require()
      session.end()
      reloadToStart()
    },

    async staffRestart() {
      session.require()
      session.end()
      reloadToStart()
    },
  }
}
