import { documentSchema } from '../../shared/content-schema'
import { overrideKey } from '../../shared/merge-overrides'
import { problemsFromZod } from '../../shared/problem'
import type { BackendContext, Handlers } from '../backend-context'

/** Staff edits to the shipped pages, their history, and going back to a saved version. */
export function contentHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'staffSaveDocument' | 'staffResetDocument' | 'staffHistory' | 'staffRestore'> {
  const { overrides, shipped } = ctx.services
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
      const notShipped = await shipped.notShipped(key)
      if (notShipped) return { ok: false, problems: [{ field: 'id', ...notShipped }] }
      if (ctx.fleet.isLocked(key))
        return { ok: false, problems: [{ field: 'id', code: 'locked-by-pack' }] }
      const result = await overrides.put(key, parsed.data, { author: 'staff' })
      if (!result.ok)
        return { ok: false, problems: result.problems.map(({ file: _file, ...p }) => p) }
      if (result.changed) await ctx.record('content-changed', key)
      return { ok: true }
    },

    staffResetDocument: async ({ locale, kind, id }) => {
      const key = overrideKey(locale, kind, id)
      const result = await overrides.remove(key, { author: 'staff' })
      if (!result.ok)
        return { ok: false, problems: result.problems.map(({ file: _file, ...p }) => p) }
      if (result.changed) await ctx.record('content-changed', `${key} reset to the shipped version`)
      return { ok: true }
    },

    staffHistory: async () =>
      (await overrides.history()).map(({ id, at, change }) => ({ id, at, change })),

    staffRestore: async ({ id }) => {
      const result = await overrides.restore(id, { author: 'staff' })
      if (!result.ok)
        return { ok: false, problems: result.problems.map(({ file: _file, ...p }) => p) }
      await ctx.record('content-restored', id)
      return { ok: true }
    },
  }
}
