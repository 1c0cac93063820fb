import { describeProblems, type KioskApi } from '@shared/contract'
import { shippedContent } from './browser-content'
import { readSettings } from './browser-settings'
import { createBrowserStaff, type BrowserStaffOptions } from './browser-staff'

export { settingsStorageKey } from './browser-settings'

/**
 * The KioskApi for a plain browser (demos, tests, a Chromium kiosk): bundled default content
 * and settings kept in localStorage, validated by the same schemas as in Electron, with staff
 * mode (PIN, settings, content changes, usage) kept in localStorage too.
 */
export function createBrowserKiosk(storage: Storage, options: BrowserStaffOptions = {}): KioskApi {
  const { mergedContent, countPrint, ...staff } = createBrowserStaff(storage, options)
  return {
    ...staff,
    async getContent(locale) {
      const { content, problems } = await shippedContent(locale)
      if (!content)
        throw new Error(`No usable content for "${locale}": ${describeProblems(problems)}`)
      return { content: mergedContent(content, locale), problems }
    },
    async getSettings() {
      return readSettings(storage).settings
    },
    async heartbeat() {
      // No main process to watch over a plain browser: nothing to tell.
    },
    async endVisit() {
      // Settings live in localStorage here, so only the session's storage is the visit's.
      window.sessionStorage.clear()
    },
    async reportError({ message, where }) {
      console.error(`page error in ${where}: ${message}`)
    },
    async printSheet({ sheetId, locale }) {
      // A plain browser has no silent printing: its own print dialog prints the chosen sheet
      // (the sheets screen shows only that sheet to the printer). Whether the visitor then
      // pressed Print is unknown, so opening the dialog counts as the print.
      window.print()
      countPrint(sheetId, locale)
      return { ok: true, via: 'browser' }
    },
    async getAppInfo() {
      return {
        name: 'back-spasm-kiosk',
        version: __APP_VERSION__,
        platform: 'browser',
        packaged: false,
      }
    },
  }
}
