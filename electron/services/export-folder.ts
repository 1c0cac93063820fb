import { join } from 'node:path'
import type { SettingsStore } from './settings-store'
import { writeFileAtomic } from './atomic-file'

/**
 * Where the kiosk saves files staff take away (usage counts as CSV): the folder chosen for
 * PDF copies in settings, else "exports" in the user-data folder.
 */
export function createExportFolder(deps: { userDataDir: string; settings: SettingsStore }) {
  async function path(): Promise<string> {
    return (await deps.settings.get()).pdfFolder || join(deps.userDataDir, 'exports')
  }

  /** Writes the file whole (atomically) and answers where it went. */
  async function save(fileName: string, text: string): Promise<string> {
    const savedTo = join(await path(), fileName)
    await writeFileAtomic(savedTo, text)
    return savedTo
  }

  return { path, save }
}
export type ExportFolder = ReturnType<typeof createExportFolder>
