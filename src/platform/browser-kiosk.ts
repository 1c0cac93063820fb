import { assembleLocaleContent, parseContentFiles } from '@shared/content-parse'
import type { KioskApi } from '@shared/contract'
import { defaultSettings, settingsSchema } from '@shared/settings-schema'
import { bundledContentFiles } from './bundled-content'

export const settingsStorageKey = 'kiosk.settings'

/**
 * The KioskApi for a plain browser (demos, tests, a Chromium kiosk): bundled default content
 * and settings kept in localStorage, validated by the same schemas as in Electron.
 */
export function createBrowserKiosk(storage: Storage): KioskApi {
  return {
    async getContent(locale) {
      const { parsed, problems } = parseContentFiles(locale, await bundledContentFiles(locale))
      const assembled = assembleLocaleContent(locale, parsed)
      if (!assembled.content) {
        const reasons = [...problems, ...assembled.problems].map((p) => `${p.file}: ${p.message}`)
        throw new Error(`No usable content for "${locale}": ${reasons.join('; ')}`)
      }
      return { content: assembled.content, problems: [...problems, ...assembled.problems] }
    },
    async getSettings() {
      const raw = storage.getItem(settingsStorageKey)
      if (!raw) return defaultSettings
      try {
        const result = settingsSchema.safeParse(JSON.parse(raw))
        return result.success ? result.data : defaultSettings
      } catch {
        return defaultSettings
      }
    },
    async heartbeat() {
      // No main process to watch over a plain browser: nothing to tell.
    },
    async endVisit() {
      // Settings live in localStorage here, so only the session's storage is the visit's.
      window.sessionStorage.clear()
    },
    async printSheet() {
      // A plain browser has no silent printing: its own print dialog prints the chosen sheet
      // (the sheets screen shows only that sheet to the printer).
      window.print()
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
