import { mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { describeIssues, type Problem } from '../shared/contract'
import { defaultSettings } from '../shared/settings-defaults'
import { settingsSchema, type Settings } from '../shared/settings-schema'
import { writeFileAtomic } from './atomic-file'

export const settingsFileName = 'settings.json'

/**
 * Reads the clinic's settings from the user-data folder. A missing file means defaults; a
 * corrupt or invalid one is moved aside (kept for staff to inspect) and defaults are used,
 * with the reason kept as a problem to show in staff mode.
 */
export function createSettingsStore(options: { dir: string; now?: () => Date }) {
  const file = join(options.dir, settingsFileName)
  const now = options.now ?? (() => new Date())
  let problems: Problem[] = []

  async function moveAside(reason: Problem[]): Promise<void> {
    const stamp = now().toISOString().replace(/[:.]/g, '-')
    const aside = `${file}.invalid-${stamp}`
    await rename(file, aside)
    problems = reason.map((p) => ({
      ...p,
      message: `${p.message} (the file was moved to ${aside})`,
    }))
  }

  async function get(): Promise<Settings> {
    let raw: string
    try {
      raw = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultSettings
      throw error
    }
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch (error) {
      await moveAside([
        {
          file: settingsFileName,
          field: '(whole file)',
          message: `not valid JSON: ${(error as Error).message}`,
        },
      ])
      return defaultSettings
    }
    const result = settingsSchema.safeParse(json)
    if (!result.success) {
      await moveAside(
        describeIssues(result.error).map((issue) => ({ file: settingsFileName, ...issue })),
      )
      return defaultSettings
    }
    return result.data
  }

  /**
   * Replaces the settings file whole, so a power cut mid-save leaves the old settings or the
   * new ones. Checked again here: writing a file that `get()` would then move aside would
   * silently put the kiosk back on defaults at the next start.
   */
  async function save(settings: Settings): Promise<Settings> {
    const checked = settingsSchema.parse(settings)
    await mkdir(options.dir, { recursive: true })
    await writeFileAtomic(file, `${JSON.stringify(checked, null, 2)}\n`)
    // Staff have now chosen settings that work, so an earlier damaged file is no longer a problem.
    problems = []
    return checked
  }

  return { get, save, problems: () => problems }
}
export type SettingsStore = ReturnType<typeof createSettingsStore>
