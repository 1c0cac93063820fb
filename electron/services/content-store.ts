import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import {
  assembleLocaleContent,
  parseContentFiles,
  type ContentFile,
  type ParsedFiles,
} from '../shared/content-parse'
import type { Locale, LocaleContent } from '../shared/content-schema'
import type { ContentResult } from '../shared/contract'
import { describeProblems, type Problem } from '../shared/problem'

export class ContentUnavailableError extends Error {
  constructor(
    readonly locale: Locale,
    readonly problems: Problem[],
  ) {
    super(`No usable content for "${locale}": ${describeProblems(problems)}`)
  }
}

async function readLocaleFiles(dir: string): Promise<ContentFile[]> {
  let names: string[]
  try {
    names = await readdir(dir, { recursive: true })
  } catch {
    return []
  }
  const yamlNames = names.filter((name) => name.endsWith('.yaml')).sort()
  return Promise.all(
    yamlNames.map(async (name) => ({
      path: relative(dir, join(dir, name)).split(sep).join('/'),
      text: await readFile(join(dir, name), 'utf8'),
    })),
  )
}

/**
 * Loads content/<locale>/ from disk. A file that fails validation is reported and its last
 * good version (from an earlier load in this run) stays in use, so a bad edit never blanks
 * the kiosk.
 */
export function createContentStore(options: { contentDir: string }) {
  const lastGood = new Map<Locale, ParsedFiles>()

  async function load(locale: Locale): Promise<ContentResult> {
    const files = await readLocaleFiles(join(options.contentDir, locale))
    const { parsed, problems } = parseContentFiles(locale, files)
    const merged: ParsedFiles = new Map(lastGood.get(locale))
    const present = new Set(files.map((file) => file.path))
    for (const path of merged.keys()) if (!present.has(path)) merged.delete(path)
    for (const [path, value] of parsed) merged.set(path, value)

    const assembled = assembleLocaleContent(locale, merged)
    const allProblems = [...problems, ...assembled.problems]
    if (!assembled.content) throw new ContentUnavailableError(locale, allProblems)
    lastGood.set(locale, merged)
    return { content: assembled.content, problems: allProblems }
  }

  return { load }
}
export type ContentStore = ReturnType<typeof createContentStore>

/** The content of each wanted locale that has usable content; a locale without is skipped. */
export async function loadAvailable(
  content: ContentStore,
  wanted: readonly Locale[],
): Promise<{ locale: Locale; content: LocaleContent }[]> {
  const found: { locale: Locale; content: LocaleContent }[] = []
  for (const locale of wanted) {
    try {
      found.push({ locale, content: (await content.load(locale)).content })
    } catch (error) {
      if (error instanceof ContentUnavailableError) continue
      throw error
    }
  }
  return found
}
