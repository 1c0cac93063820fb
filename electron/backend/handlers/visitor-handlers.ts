import { createQueue } from '../../services/atomic-file'
import type { BackendContext, Handlers } from '../backend-context'

type VisitorMethod =
  | 'getContent'
  | 'getSettings'
  | 'getAppInfo'
  | 'heartbeat'
  | 'endVisit'
  | 'printSheet'
  | 'getPrinterStatus'
  | 'recordUsage'
  | 'reportError'

/** What any page of the kiosk may ask: content, settings, printing and anonymous counts. */
export function visitorHandlers(ctx: BackendContext): Pick<Handlers, VisitorMethod> {
  const { usage } = ctx.services
  /** One print at a time, so two quick taps cannot both pass a limit that has one sheet left. */
  const oneAtATime = createQueue()
  /** Sheets printed since this visit began: the kiosk page and its host count the same visit. */
  let printedThisVisit = 0

  return {
    // Read on every call, so a staff edit shows on the next page load without a restart.
    getContent: (locale) => ctx.pages.content(locale),
    getSettings: () => ctx.currentSettings(),
    getAppInfo: async () => ctx.appInfo,
    heartbeat: async () => {
      ctx.shell.heartbeat()
    },
    endVisit: async () => {
      printedThisVisit = 0
      await ctx.shell.clearVisitData()
      ctx.log.info('visit ended: page storage and cache cleared')
    },
    reportError: async ({ message, where }) => {
      ctx.log.error(`page error in ${where}: ${message}`)
    },
    printSheet: (request) =>
      oneAtATime(async () => {
        const settings = await ctx.currentSettings()
        if (printedThisVisit >= settings.perVisitPrintLimit) {
          ctx.log.warn(`printing: this visit has printed its ${settings.perVisitPrintLimit} sheets`)
          return { ok: false, reason: 'visit-limit' }
        }
        const [today] = await usage.lastDays(1)
        const printedToday = Object.values(today?.prints ?? {}).reduce((sum, n) => sum + n, 0)
        if (printedToday >= settings.dailyPrintLimit) {
          ctx.log.warn(`printing: daily limit of ${settings.dailyPrintLimit} sheets reached`)
          return { ok: false, reason: 'daily-limit' }
        }
        // A printer that says it cannot print is not sent the sheet: the visitor is told at once.
        if ((await ctx.printer.check()).state === 'down') {
          usage.printFailed(request.sheetId)
          return { ok: false, reason: 'printer-down' }
        }
        const result = await ctx.shell.print(request, settings)
        if (result.ok) {
          printedThisVisit += 1
          usage.sheetPrinted(request.sheetId, request.locale)
        } else usage.printFailed(request.sheetId)
        return result
      }),
    getPrinterStatus: () => ctx.printer.check(),
    recordUsage: async (event) => {
      switch (event.type) {
        case 'visit':
          printedThisVisit = 0
          usage.visit()
          break
        case 'section-view':
          usage.sectionView(event.sectionId, event.seconds)
          break
        case 'language':
          usage.languageUsed(event.locale)
          break
        case 'idle-reset':
          usage.idleReset()
          break
      }
    },
  }
}
