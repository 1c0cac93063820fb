import { join } from 'node:path'
import type { Problem } from '../shared/problem'
import { defaultSettings } from '../shared/settings-defaults'
import { settingsSchema, type Settings } from '../shared/settings-schema'
import { createJsonFile } from './json-file'

export const settingsFileName = 'settings.json'

/**
 * Reads the clinic's settings from the user-data folder. A missing file means defaults; a
 * corrupt or invalid one is moved aside (kept for staff to inspect) and defaults are used,
 * with the reason kept as a problem to show in staff mode.
 */
export function createSettingsStore(options: {
  dir: string
  now?: () => Date
  /** Settings used while this kiosk has none of its own, e.g. the fleet's content pack's. */
  fallback?: () => Settings | null
  /** Fields someone else keeps (the fleet's site), laid over this kiosk's own settings. */
  kept?: () => Partial<Settings>
}) {
  const fallback = () => options.fallback?.() ?? defaultSettings
  const file = createJsonFile(join(options.dir, settingsFileName), settingsSchema, {
    name: settingsFileName,
    now: options.now,
  })
  let problems: Problem[] = []

  async function own(): Promise<Settings> {
    const result = await file.read()
    if (result.ok) return result.value
    if (result.reason !== 'missing') {
      problems = result.problems.map((p) => ({ ...p, fallback: 'defaults-in-use' }))
    }
    return fallback()
  }

  /** The kept fields, where they make valid settings with the rest (else the kiosk's own). */
  function withKept(settings: Settings): Settings {
    const kept = options.kept?.() ?? {}
    if (Object.keys(kept).length === 0) return settings
    const merged = settingsSchema.safeParse({ ...settings, ...kept })
    return merged.success ? merged.data : settings
  }

  async function get(): Promise<Settings> {
    return withKept(await own())
  }

  /** The names of the fields someone else keeps, which staff cannot change on this kiosk. */
  function keptFields(): (keyof Settings)[] {
    return Object.keys(options.kept?.() ?? {}) as (keyof Settings)[]
  }

  /** Replaces the settings file whole, so a power cut mid-save leaves the old or the new. */
  async function save(settings: Settings): Promise<Settings> {
    const saved = await file.write(settings)
    // Staff have now chosen settings that work, so an earlier damaged file is no longer a problem.
    problems = []
    return saved
  }

  return { get, save, keptFields, problems: () => problems }
}
export type SettingsStore = ReturnType<typeof createSettingsStore>
