import { z } from 'zod'
import {
  documentSchema,
  idSchema,
  localeSchema,
  type ContentDocument,
  type Locale,
  type LocaleContent,
} from './content-schema'
import { inShownOrder, safetyIssues } from './safety-pages'

/**
 * Staff edits are kept as overrides beside the shipped content, never written into it, so
 * an app update can ship new content and "reset to the shipped version" is just deleting
 * the override. An override is a whole document, named "<locale>/<kind>/<id>".
 */

export type OverrideKind = 'section' | 'sheet'
export type OverrideKey = `${Locale}/${OverrideKind}/${string}`
export type OverrideDocuments = Record<string, ContentDocument>

export function overrideKey(locale: Locale, kind: OverrideKind, id: string): OverrideKey {
  return `${locale}/${kind}/${id}`
}

/** Splits a key into its parts, or returns null when it is not of the expected form. */
export function parseOverrideKey(
  key: string,
): { locale: Locale; kind: OverrideKind; id: string } | null {
  const [locale, kind, id, ...rest] = key.split('/')
  if (rest.length > 0) return null
  const parsedLocale = localeSchema.safeParse(locale)
  const parsedId = idSchema.safeParse(id)
  if (!parsedLocale.success || !parsedId.success) return null
  if (kind !== 'section' && kind !== 'sheet') return null
  return { locale: parsedLocale.data, kind, id: parsedId.data }
}

/**
 * The overrides map. Every entry is checked, not just the first bad one, so staff fixing an
 * import file see all its problems at once; issue paths start with the key, for example
 * "en/section/what-is.blocks.2.kind". `safety`: also refuse changes that would hide a safety
 * section or take its emergency list away (shared/safety-pages.ts).
 */
const overridesSchema = (options: { safety: boolean }) =>
  z.record(z.string(), z.unknown()).transform((entries, ctx): OverrideDocuments => {
    const documents: OverrideDocuments = {}
    for (const [key, value] of Object.entries(entries)) {
      const parts = parseOverrideKey(key)
      if (!parts) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          input: key,
          message: 'change-name',
        })
        continue
      }
      const parsed = documentSchema.safeParse(value)
      if (!parsed.success) {
        // The document's own issues, under its key, keep their codes and limits for staff.
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ ...issue, path: [key, ...issue.path] } as Parameters<
            typeof ctx.addIssue
          >[0])
        }
        continue
      }
      if (parsed.data.id !== parts.id) {
        ctx.addIssue({
          code: 'custom',
          path: [key, 'id'],
          input: parsed.data.id,
          message: 'id-matches-name',
        })
        continue
      }
      const unsafe = options.safety ? safetyIssues(parts.kind, parsed.data) : []
      for (const issue of unsafe)
        ctx.addIssue({
          code: 'custom',
          path: [key, ...issue.path],
          input: value,
          message: issue.rule,
        })
      if (unsafe.length > 0) continue
      documents[key] = parsed.data
    }
    return documents
  })

/** Changes as they arrive: a staff edit, an import, a content pack or a site's documents. */
export const overrideDocumentsSchema = overridesSchema({ safety: true })

/**
 * Changes as kept on disk. Saved before the safety rules existed, a change may hide a safety
 * section: it must not make the whole file unreadable (and lose every other change), so
 * such a change is read here and left out by `withoutUnsafe`.
 */
export const storedOverridesSchema = overridesSchema({ safety: false })

/** The changes that keep the safety rules, and the keys of those that do not. */
export function withoutUnsafe(documents: OverrideDocuments): {
  documents: OverrideDocuments
  unsafe: { key: string; path: (string | number)[]; rule: string }[]
} {
  const kept: OverrideDocuments = {}
  const unsafe: { key: string; path: (string | number)[]; rule: string }[] = []
  for (const [key, doc] of Object.entries(documents)) {
    const parts = parseOverrideKey(key)
    const issues = parts ? safetyIssues(parts.kind, doc) : []
    if (issues.length === 0) kept[key] = doc
    for (const issue of issues) unsafe.push({ key, ...issue })
  }
  return { documents: kept, unsafe }
}

function mergeKind(
  defaults: ContentDocument[],
  overrides: OverrideDocuments,
  locale: Locale,
  kind: OverrideKind,
): ContentDocument[] {
  const merged = defaults.map((doc) => overrides[overrideKey(locale, kind, doc.id)] ?? doc)
  return inShownOrder(kind, merged)
}

/**
 * The content a locale shows once staff changes are applied. Only documents that ship with
 * the app can be overridden: if an update renames or drops one, its old override is ignored
 * rather than showing a page the clinic's content no longer has. Hidden documents stay in
 * the result (visible: false) so staff mode can list and re-show them.
 */
export function mergeOverrides(
  defaults: LocaleContent,
  overrides: OverrideDocuments,
  locale: Locale,
): LocaleContent {
  return {
    ...defaults,
    sections: mergeKind(defaults.sections, overrides, locale, 'section'),
    sheets: mergeKind(defaults.sheets, overrides, locale, 'sheet'),
  }
}
