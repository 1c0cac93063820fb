import type { BackendContext, Handlers } from '../backend-context'

/** Staff's unsaved work, kept as they type and offered back at the next sign-in. */
export function draftHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'staffDrafts' | 'staffSaveDraft' | 'staffDiscardDraft'> {
  const { drafts } = ctx.services
  return {
    staffDrafts: () => drafts.list(),
    staffSaveDraft: async ({ id, data }) => {
      await drafts.save(id, data)
    },
    staffDiscardDraft: async ({ id }) => {
      await drafts.discard(id)
    },
  }
}
