import type { Problem } from '@shared/contract'
import { defaultSettings } from '@shared/settings-defaults'
import { settingsSchema, type Settings } from '@shared/settings-schema'
import { readStored } from './browser-storage'

export const settingsStorageKey = 'kiosk.settings'

/**
 * The clinic's settings from localStorage. Invalid settings are ignored in favour of the
 * defaults, as the Electron side does, and the reason is kept for staff mode to show.
 */
export function readSettings(storage: Storage): { settings: Settings; problems: Problem[] } {
  const read = readStored(storage, settingsStorageKey, settingsSchema)
  if (read.ok) return { settings: read.value, problems: [] }
  if (read.reason === 'missing') return { settings: defaultSettings, problems: [] }
  return {
    settings: defaultSettings,
    problems: read.problems.map((p) => ({
      file: settingsStorageKey,
      field: p.field,
      message: `${p.message} (the saved settings were ignored and the defaults are in use until staff save new ones)`,
    })),
  }
}
