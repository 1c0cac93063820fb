import type { BackendContext, Handlers } from '../backend-context'

/** Exporting and importing a backup of settings and content changes. */
export function backupHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'staffExportBackup' | 'staffImportBackup'> {
  const { backup } = ctx.services
  return {
    staffExportBackup: async () => {
      const file = await backup.exportFile()
      await ctx.record('export', file.fileName)
      return file
    },

    staffImportBackup: async ({ text }) => {
      const result = await backup.importFile(text)
      if (!result.ok) return result
      ctx.applied(result.settings)
      const count = result.changes
      await ctx.record('import', `settings and ${count} content change${count === 1 ? '' : 's'}`)
      return { ok: true }
    },
  }
}
