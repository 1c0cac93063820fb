import type { BackendContext, Handlers } from '../backend-context'

/** Exporting and importing a backup of settings and content changes. */
export function backupHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'staffExportBackup' | 'staffImportBackup' | 'staffBackups'> {
  const { backup } = ctx.services
  return {
    staffExportBackup: async () => {
      const file = await backup.exportFile()
      await ctx.record('export', file.fileName)
      return file
    },

    staffBackups: () => backup.list(),

    staffImportBackup: async (source) => {
      const result =
        'text' in source
          ? await backup.importFile(source.text)
          : await backup.importNamed(source.fileName)
      if (!result.ok) return result
      ctx.applied(result.settings)
      const count = result.changes
      await ctx.record('import', `settings and ${count} content change${count === 1 ? '' : 's'}`)
      return { ok: true }
    },
  }
}
