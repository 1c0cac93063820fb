import type { PageChanges } from '../../services/override-store'
import type { ContentDocument } from '../../shared/content-schema'
import type { FieldProblem, PageChange } from '../../shared/contract'
import { overrideKey } from '../../shared/merge-overrides'
import { classifyEdit } from '../../shared/page-change'
import { problemsFromZod, type Problem } from '../../shared/problem'
import { documentSchema } from '../../shared/content-schema'
import { isSafetySection } from '../../shared/safety-pages'
import type { BackendContext, Handlers } from '../backend-context'

type ContentMethod =
  | 'staffSaveDocument'
  | 'staffResetDocument'
  | 'staffSetVisible'
  | 'staffMoveDocument'
  | 'staffHistory'
  | 'staffHistoryEntry'
  | 'staffUndo'
  | 'staffRestorePreview'
  | 'staffRestore'

/** The store's problems, as the page gets them: where in the page, and what is wrong. */
const fieldProblems = (problems: Problem[]): FieldProblem[] =>
  problems.map(({ file: _file, movedTo: _moved, fallback: _fallback, ...p }) => p)
const refused = (problems: Problem[]) => ({ ok: false as const, problems: fieldProblems(problems) })

/**
 * Staff edits to the shipped pages (words, showing and hiding, order), their history with
 * each change before and after, undoing one change, and going back to a saved version.
 */
export function contentHandlers(ctx: BackendContext): Pick<Handlers, ContentMethod> {
  const { overrides, shipped } = ctx.services
  const { pages } = ctx

  /** Why staff may not change this page here, or null when they may. */
  async function cannotChange(key: string): Promise<FieldProblem | null> {
    const notShipped = await shipped.notShipped(key)
    if (notShipped) return { field: 'id', ...notShipped }
    if (ctx.fleet.isLocked(key)) return { field: 'id', code: 'locked-by-pack' }
    return null
  }

  /** Each page of an entry before and after, as visitors saw it. */
  async function asShown(entryPages: PageChanges, by: 'staff' | 'pack'): Promise<PageChange[]> {
    return Promise.all(
      Object.entries(entryPages).map(async ([key, page]) => {
        // No staff change is the page as it comes from below: the pack's or the shipped text.
        const below = by === 'staff' ? await pages.page(key, { staff: {} }) : null
        return { key, before: page.before ?? below, after: page.after ?? below }
      }),
    )
  }

  async function audited(result: { ok: boolean; changed?: boolean }, detail: string) {
    if (result.ok && result.changed) await ctx.record('content-changed', detail)
  }

  return {
    staffSaveDocument: async ({ locale, kind, document }) => {
      const parsed = documentSchema.safeParse(document)
      if (!parsed.success) {
        return {
          ok: false,
          problems: problemsFromZod(parsed.error).map((p) => ({
            ...p,
            field: p.field === '(whole file)' ? '(whole document)' : p.field,
          })),
        }
      }
      const key = overrideKey(locale, kind, parsed.data.id)
      const refusal = await cannotChange(key)
      if (refusal) return { ok: false, problems: [refusal] }
      const type = classifyEdit(await pages.page(key), parsed.data)
      const result = await overrides.put(key, parsed.data, { change: { type, key } })
      if (!result.ok) return refused(result.problems)
      await audited(
        result,
        type === 'edit' ? key : `${key} ${type === 'hide' ? 'hidden' : 'shown'}`,
      )
      return { ok: true }
    },

    staffResetDocument: async ({ locale, kind, id }) => {
      const key = overrideKey(locale, kind, id)
      const result = await overrides.remove(key)
      if (!result.ok) return refused(result.problems)
      await audited(result, `${key} reset to the shipped version`)
      return { ok: true }
    },

    staffSetVisible: async ({ locale, kind, id, visible }) => {
      const key = overrideKey(locale, kind, id)
      const refusal = await cannotChange(key)
      if (refusal) return { ok: false, problems: [refusal] }
      const doc = await pages.page(key)
      if (!doc)
        return {
          ok: false,
          problems: [{ field: 'id', code: 'not-shipped', params: { locale, kind, id } }],
        }
      const type = visible ? 'show' : 'hide'
      const result = await overrides.put(key, { ...doc, visible }, { change: { type, key } })
      if (!result.ok) return refused(result.problems)
      await audited(result, `${key} ${visible ? 'shown' : 'hidden'}`)
      return { ok: true }
    },

    // Moving swaps the order numbers of two neighbours, so nothing else shifts. A safety
    // section stays first: it does not move, and nothing moves above it.
    staffMoveDocument: async ({ locale, kind, id, direction }) => {
      const cannot = {
        ok: false as const,
        problems: [{ field: 'order', code: 'cannot-move' as const }],
      }
      const { content } = await pages.content(locale)
      const list: ContentDocument[] = kind === 'section' ? content.sections : content.sheets
      const index = list.findIndex((doc) => doc.id === id)
      const by = direction === 'up' ? -1 : 1
      const doc = list[index]
      const other = list[index + by]
      if (!doc || !other || isSafetySection(kind, doc.id) || isSafetySection(kind, other.id))
        return cannot
      const key = overrideKey(locale, kind, doc.id)
      const otherKey = overrideKey(locale, kind, other.id)
      for (const changed of [key, otherKey]) {
        const refusal = await cannotChange(changed)
        if (refusal) return { ok: false, problems: [refusal] }
      }
      const [a, b] =
        doc.order === other.order ? [other.order + by, doc.order] : [other.order, doc.order]
      const result = await overrides.putMany(
        { [key]: { ...doc, order: a }, [otherKey]: { ...other, order: b } },
        { type: 'move', key, direction },
      )
      if (!result.ok) return refused(result.problems)
      await audited(result, `${key} moved ${direction}`)
      return { ok: true }
    },

    staffHistory: async () =>
      (await overrides.history()).map(({ id, at, change, by, pages: changed }) => ({
        id,
        at,
        change,
        by,
        pages: Object.keys(changed),
      })),

    staffHistoryEntry: async ({ id }) => {
      const found = await overrides.entry(id)
      if (!found.ok) return refused(found.problems)
      const { entry } = found
      return {
        ok: true,
        entry: {
          id,
          at: entry.at,
          change: entry.change,
          by: entry.by,
          pages: Object.keys(entry.pages),
        },
        undoable: entry.by.kind === 'staff' && entry.change.type !== 'pack',
        pages: await asShown(entry.pages, entry.by.kind),
      }
    },

    staffUndo: async ({ id }) => {
      const found = await overrides.entry(id)
      if (!found.ok) return refused(found.problems)
      const keys = Object.keys(found.entry.pages)
      const below = new Map(
        await Promise.all(
          keys.map(async (key) => [key, await pages.page(key, { staff: {} })] as const),
        ),
      )
      const result = await overrides.undo(id, { base: (key) => below.get(key) ?? null })
      if (!result.ok) return refused(result.problems)
      await audited(result, `undid the change of ${found.entry.at}`)
      return { ok: true }
    },

    staffRestorePreview: async ({ id }) => {
      const found = await overrides.restorePreview(id)
      if (!found.ok) return refused(found.problems)
      return { ok: true, pages: await asShown(found.pages, 'staff') }
    },

    staffRestore: async ({ id }) => {
      const result = await overrides.restore(id)
      if (!result.ok) return refused(result.problems)
      if (result.changed) await ctx.record('content-restored', id)
      return { ok: true }
    },
  }
}
