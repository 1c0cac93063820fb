import { problemsFromZod } from '../../shared/problem'
import { settingsSchema, type Settings } from '../../shared/settings-schema'
import type { BackendContext, Handlers } from '../backend-context'

/** The audit line has room for this much: longer lists of names are shortened. */
const maxAuditDetail = 200

/** "clinicName, printerName", or "a, b and 9 more" when the names would not fit the audit line. */
function namesWithin(names: string[], max: number): string {
  const all = names.join(', ')
  if (all.length <= max) return all
  for (let shown = names.length - 1; shown > 0; shown--) {
    const text = `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`
    if (text.length <= max) return text
  }
  return `${names.length} settings`
}

/** The clinic's settings and its printer. */
export function settingsHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'staffSaveSettings' | 'staffListPrinters' | 'staffTestPrint'> {
  const { settings } = ctx.services
  return {
    staffSaveSettings: async (input) => {
      const parsed = settingsSchema.safeParse(input)
      if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) }
      const before = await settings.get()
      // The clinic group keeps some fields through the fleet: a change to one here would not show.
      const kept = settings
        .keptFields()
        .filter((name) => JSON.stringify(parsed.data[name]) !== JSON.stringify(before[name]))
      if (kept.length > 0) {
        return {
          ok: false,
          problems: kept.map((field) => ({
            field,
            code: 'invalid' as const,
            params: { rule: 'kept-by-fleet' },
          })),
        }
      }
      const saved = await settings.save(parsed.data)
      ctx.applied(saved)
      const changed = (Object.keys(saved) as (keyof Settings)[]).filter(
        (name) => JSON.stringify(before[name]) !== JSON.stringify(saved[name]),
      )
      // Names only: values such as the clinic's phone number stay out of the audit log.
      if (changed.length > 0)
        await ctx.record('settings-changed', namesWithin(changed, maxAuditDetail))
      return { ok: true, settings: saved }
    },

    staffListPrinters: () => ctx.shell.listPrinters(),

    staffTestPrint: async () => {
      const current = await settings.get()
      ctx.log.info(`staff: test print on "${current.printerName || '(no printer chosen)'}"`)
      return ctx.shell.testPrint(current)
    },
  }
}
