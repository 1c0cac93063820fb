import { parseDocument } from 'yaml'
import type { z } from 'zod'
import {
  documentSchema,
  helpCheckSchema,
  siteSchema,
  type ContentDocument,
  type HelpCheck,
  type Locale,
  type LocaleContent,
  type Site,
} from './content-schema'
import { problemsFromZod, type Problem } from './problem'
import { inShownOrder, safetyIssues } from './safety-pages'

/** One content file as read from disk or bundled: its path below content/<locale>/ and its text. */
export interface ContentFile {
  path: string
  text: string
}

/** What each valid file contributed, keyed by path, so a later load can fall back per file. */
export type ParsedFiles = Map<string, ContentDocument | HelpCheck | Site>

export interface ParseOutcome {
  parsed: ParsedFiles
  problems: Problem[]
}

function schemaFor(path: string): z.ZodType<ContentDocument | HelpCheck | Site> | undefined {
  if (path === 'site.yaml') return siteSchema
  if (path === 'help-check.yaml') return helpCheckSchema
  if (path === 'about.yaml' || /^(sections|sheets)\/[^/]+\.yaml$/.test(path)) return documentSchema
  return undefined
}

/** Parses and validates every file on its own, so one broken file never hides the others. */
export function parseContentFiles(locale: Locale, files: ContentFile[]): ParseOutcome {
  const parsed: ParsedFiles = new Map()
  const problems: Problem[] = []
  const where = (path: string) => `content/${locale}/${path}`

  for (const file of files) {
    const schema = schemaFor(file.path)
    if (!schema) {
      problems.push({
        file: where(file.path),
        field: '(whole file)',
        code: 'unknown-file',
      })
      continue
    }
    const yaml = parseDocument(file.text, { prettyErrors: true })
    const yamlError = yaml.errors[0]
    if (yamlError) {
      const pos = yamlError.linePos?.[0]
      problems.push({
        file: where(file.path),
        field: '(whole file)',
        code: 'not-yaml',
        ...(pos ? { params: { line: pos.line, column: pos.col } } : {}),
      })
      continue
    }
    const result = schema.safeParse(yaml.toJS())
    if (!result.success) {
      for (const issue of problemsFromZod(result.error))
        problems.push({ file: where(file.path), ...issue })
      continue
    }
    const value = result.data
    const expectedId = file.path.match(/^(?:sections|sheets)\/([^/]+)\.yaml$/)?.[1]
    if (expectedId && 'id' in value && value.id !== expectedId) {
      problems.push({
        file: where(file.path),
        field: 'id',
        code: 'id-mismatch',
        params: { id: value.id, expected: expectedId },
      })
      continue
    }
    const kind = file.path.match(/^(sections|sheets)\//)?.[1] === 'sections' ? 'section' : 'sheet'
    const unsafe = expectedId ? safetyIssues(kind, value as ContentDocument) : []
    if (unsafe.length > 0) {
      for (const issue of unsafe)
        problems.push({
          file: where(file.path),
          field: issue.path.join('.'),
          code: 'invalid',
          params: { rule: issue.rule },
        })
      continue
    }
    parsed.set(file.path, value)
  }
  return { parsed, problems }
}

/**
 * Builds one locale's content from per-file results. Missing required files are reported;
 * when they are missing the locale has no usable content and `content` is null.
 */
export function assembleLocaleContent(
  locale: Locale,
  parsed: ParsedFiles,
): { content: LocaleContent | null; problems: Problem[] } {
  const problems: Problem[] = []
  const required = (path: string) => {
    const value = parsed.get(path)
    if (!value)
      problems.push({
        file: `content/${locale}/${path}`,
        field: '(whole file)',
        code: 'required-file-missing',
      })
    return value
  }
  const site = required('site.yaml') as Site | undefined
  const about = required('about.yaml') as ContentDocument | undefined
  const helpCheck = required('help-check.yaml') as HelpCheck | undefined
  const documents = (folder: string) =>
    [...parsed.entries()]
      .filter(([path]) => path.startsWith(`${folder}/`))
      .map(([, doc]) => doc as ContentDocument)
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
  const sections = inShownOrder('section', documents('sections'))
  if (sections.length === 0)
    problems.push({
      file: `content/${locale}/sections/`,
      field: '(folder)',
      code: 'no-sections',
    })
  if (!site || !about || !helpCheck || sections.length === 0) return { content: null, problems }
  return {
    content: { locale, site, about, helpCheck, sections, sheets: documents('sheets') },
    problems,
  }
}
