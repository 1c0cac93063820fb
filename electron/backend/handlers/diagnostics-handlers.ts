import { ContentUnavailableError } from '../../services/content-store'
import { locales, type Locale } from '../../shared/content-schema'
import { parseOverrideKey } from '../../shared/merge-overrides'
import type { Problem } from '../../shared/problem'
import { usageToCsv } from '../../shared/usage-csv'
import { localStamp } from '../../services/file-stamp'
import type { BackendContext, Handlers } from '../backend-context'

/** What staff look at to see how the kiosk is used and what is wrong with its files. */
export function diagnosticsHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'staffUsage' | 'staffExportUsage' | 'staffAudit' | 'staffProblems'> {
  const { content, settings, usage, overrides, pin, audit, shipped, exports } = ctx.services
  return {
    staffUsage: ({ days }) => usage.lastDays(days),

    // The app saves the file where staff find it; a browser downloads it to its own computer.
    staffExportUsage: async ({ days }) => {
      const fileName = `kiosk-usage-${localStamp(ctx.now())}.csv`
      const text = usageToCsv(await usage.lastDays(days))
      if (ctx.shell.platform === 'browser') return { fileName, text }
      const savedTo = await exports.save(fileName, text)
      await ctx.record('export', fileName)
      return { fileName, text, savedTo }
    },

    staffAudit: ({ limit }) => audit.recent(limit),

    staffProblems: async () => {
      // fleet.json is read as the app starts; its problems are known once that is done.
      await ctx.fleet.ready
      const found: Problem[] = []
      const loadedLocales: Locale[] = []
      for (const locale of locales) {
        try {
          found.push(...(await content.load(locale)).problems)
          loadedLocales.push(locale)
        } catch (error) {
          if (!(error instanceof ContentUnavailableError)) throw error
          found.push(...error.problems)
        }
      }
      // An app update may drop a page staff had changed; the change is then quietly unused.
      const shippedKeys = await shipped.keys(loadedLocales)
      for (const key of Object.keys(await overrides.list())) {
        const parts = parseOverrideKey(key)
        if (!parts || !loadedLocales.includes(parts.locale) || shippedKeys.has(key)) continue
        found.push({
          file: 'overrides/current.json',
          field: key,
          code: 'no-longer-shipped',
          params: { ...parts },
        })
      }
      return [
        ...found,
        ...settings.problems(),
        ...usage.problems(),
        ...overrides.problems(),
        ...ctx.services.drafts.problems(),
        ...pin.problems(),
        ...ctx.services.setupRecord.problems(),
        ...ctx.fleet.status().configProblems,
      ]
    },
  }
}
