import { z } from 'zod'
import {
  documentSchema,
  idSchema,
  localeSchema,
  type ContentDocument,
  type Locale,
  type LocaleContent,
} from './content-schema'

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
 * "en/section/what-is.blocks.2.kind".
 */
export const overrideDocumentsSchema = z
  .record(z.string(), z.unknown())
  .transform((entries, ctx): OverrideDocuments => {
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
      documents[key] = parsed.data
    }
    return documents
  })

function mergeKind(
  defaults: ContentDocument[],
  overrides: OverrideDocuments,
  locale: Locale,
  kind: OverrideKind,
): ContentDocument[] {
  const merged = defaults.map((doc) => overrides[overrideKey(locale, kind, doc.id)] ?? doc)
  // Array.prototype.sort is stable, so equal orders keep the shipped sequence.
  return merged.sort((a, b) => a.order - b.order)
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
