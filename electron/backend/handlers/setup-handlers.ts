import type { BackendContext, Handlers } from '../backend-context'

/** The first-run setup screen. */
export function setupHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'getSetupStatus' | 'completeSetup' | 'setupListPrinters'> {
  return {
    getSetupStatus: async () => ({ needed: await ctx.setup.needed() }),
    completeSetup: async (input) => {
      const result = await ctx.setup.completeOnScreen(input)
      if (result.ok) ctx.log.info('setup: first-run setup completed on the kiosk screen')
      return result
    },
    setupListPrinters: () => ctx.shell.listPrinters(),
  }
}
