import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createContentStore } from '../../electron/services/content-store'
import { locales } from '../../electron/shared/content-schema'
import { packFormat, packSchema, type ContentPack } from '../../electron/shared/fleet-pack'
import {
  overrideKey,
  parseOverrideKey,
  type OverrideDocuments,
} from '../../electron/shared/merge-overrides'
import { describeProblems, problemsFromZod } from '../../electron/shared/problem'
import { settingsSchema, type Settings } from '../../electron/shared/settings-schema'
import { checkContent, formatConsoleReport } from '../content-check-core'

export type MakePackResult =
  { ok: true; pack: ContentPack; text: string } | { ok: false; report: string }

/** "section/get-help" locks the page in every language; "en/section/get-help" in one. */
function expandLocks(locks: string[]): { keys: string[]; bad: string[] } {
  const keys: string[] = []
  const bad: string[] = []
  for (const lock of locks) {
    const full =
      lock.split('/').length === 2 ? locales.map((locale) => `${locale}/${lock}`) : [lock]
    for (const key of full) (parseOverrideKey(key) ? keys : bad).push(key)
  }
  return { keys: [...new Set(keys)], bad }
}

async function readSettings(file: string): Promise<{ settings?: Settings; failures: string[] }> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    return {
      failures: [`${file}: (whole file): cannot be read as JSON (${(error as Error).message})`],
    }
  }
  const parsed = settingsSchema.safeParse(json)
  if (parsed.success) return { settings: parsed.data, failures: [] }
  return {
    failures: [describeProblems(problemsFromZod(parsed.error).map((p) => ({ file, ...p })))],
  }
}

/**
 * A pack from a folder laid out like content/: the same checks as `npm run content:check`
 * (schemas, reading level, the same pages in every language), and only pages the app ships,
 * since a kiosk shows no page its app does not know. Site, about and help-check files must
 * match the app's: a pack carries sections and sheets.
 */
export async function makePack(options: {
  contentDir: string
  shippedDir: string
  settingsFile?: string
  note: string
  packId?: string
  locks: string[]
  appVersion: string
  now: Date
}): Promise<MakePackResult> {
  const check = await checkContent(options.contentDir)
  const failures = [...check.failures]
  const overrides: OverrideDocuments = {}
  const shippedStore = createContentStore({ contentDir: options.shippedDir })
  const store = createContentStore({ contentDir: options.contentDir })
  for (const localeCheck of check.locales) {
    if (!localeCheck.loaded) continue
    const { locale } = localeCheck
    const { content } = await store.load(locale)
    const shipped = (await shippedStore.load(locale)).content
    for (const part of ['site', 'about', 'helpCheck'] as const) {
      if (JSON.stringify(content[part]) !== JSON.stringify(shipped[part]))
        failures.push(
          `content/${locale}/${part === 'helpCheck' ? 'help-check' : part}.yaml differs from the app's own: a pack carries sections and sheets only, so this change would not reach any kiosk`,
        )
    }
    for (const kind of ['section', 'sheet'] as const) {
      const shippedIds = new Set(
        (kind === 'section' ? shipped.sections : shipped.sheets).map((doc) => doc.id),
      )
      for (const doc of kind === 'section' ? content.sections : content.sheets) {
        if (!shippedIds.has(doc.id))
          failures.push(
            `content/${locale}/${kind}s/${doc.id}.yaml (id): not-shipped: the app has no ${kind} "${doc.id}", and a kiosk only shows pages its app ships`,
          )
        else overrides[overrideKey(locale, kind, doc.id)] = doc
      }
    }
  }
  const locks = expandLocks(options.locks)
  for (const bad of locks.bad)
    failures.push(
      `--lock ${bad}: not a page name such as "section/get-help" or "en/section/get-help"`,
    )
  for (const key of locks.keys)
    if (!overrides[key]) failures.push(`--lock ${key}: the pack has no such page`)
  const settings = options.settingsFile
    ? await readSettings(options.settingsFile)
    : { failures: [] }
  failures.push(...settings.failures)
  if (failures.length > 0) {
    const report = formatConsoleReport({ ...check, failures })
    return { ok: false, report }
  }
  const body = { settings: settings.settings, overrides, locks: locks.keys }
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 8)
  const pack = packSchema.parse({
    format: packFormat,
    version: 1,
    packId: options.packId ?? `${options.now.toISOString().slice(0, 10)}-${digest}`,
    note: options.note,
    createdAt: options.now.toISOString(),
    appVersion: options.appVersion,
    ...body,
  })
  return { ok: true, pack, text: `${JSON.stringify(pack, null, 2)}\n` }
}
