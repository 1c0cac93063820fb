import type { BackendContext, Handlers } from '../backend-context'

/** Closing or restarting the kiosk app from staff mode. */
export function appHandlers(ctx: BackendContext): Pick<Handlers, 'staffExit' | 'staffRestart'> {
  /** Counts still waiting in memory are written first, whatever the host does next. */
  async function closeDown(): Promise<void> {
    try {
      await ctx.services.usage.flush()
    } catch (error) {
      ctx.log.error(`staff: could not save the usage counts before closing: ${String(error)}`)
    }
    ctx.staff.end()
  }

  return {
    staffExit: async () => {
      ctx.log.info('staff: closing the kiosk app')
      await closeDown()
      ctx.shell.exit()
    },

    staffRestart: async () => {
      ctx.log.info('staff: restarting the kiosk app')
      await closeDown()
      ctx.shell.restart()
    },
  }
}
