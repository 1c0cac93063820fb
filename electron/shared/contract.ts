import { z } from 'zod'
import { idSchema, localeContentSchema, localeSchema } from './content-schema'
import { settingsSchema } from './settings-schema'
import { channels, type ApiMethod } from './channels'

/** One problem found in a content or settings file: where it is and what is wrong, in plain words. */
export const problemSchema = z.strictObject({
  file: z.string(),
  field: z.string(),
  message: z.string(),
})
export type Problem = z.infer<typeof problemSchema>

export const contentResultSchema = z.strictObject({
  content: localeContentSchema,
  problems: z.array(problemSchema),
})
export type ContentResult = z.infer<typeof contentResultSchema>

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['electron', 'browser']),
  packaged: z.boolean(),
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const printRequestSchema = z.strictObject({ sheetId: idSchema, locale: localeSchema })
export type PrintRequest = z.infer<typeof printRequestSchema>

export const printFailureReasons = [
  'no-printer',
  'printer-not-found',
  'printer-failed',
  'timeout',
  'daily-limit',
  'not-ready',
] as const
export type PrintFailureReason = (typeof printFailureReasons)[number]

/** What happened to a print: visitors see `message`; staff also see where a PDF copy went. */
export const printResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    via: z.enum(['printer', 'pdf', 'browser']),
    savedTo: z.string().optional(),
  }),
  z.strictObject({
    ok: z.literal(false),
    reason: z.enum(printFailureReasons),
    message: z.string(),
    savedTo: z.string().optional(),
  }),
])
export type PrintResult = z.infer<typeof printResultSchema>

/** The one IPC contract: every method's channel, argument tuple and result. */
export const contract = {
  getContent: {
    channel: channels.getContent,
    args: z.tuple([localeSchema]),
    result: contentResultSchema,
  },
  getSettings: { channel: channels.getSettings, args: z.tuple([]), result: settingsSchema },
  getAppInfo: { channel: channels.getAppInfo, args: z.tuple([]), result: appInfoSchema },
  /** The renderer is alive and its idle timer runs; main reloads it when these stop. */
  heartbeat: { channel: channels.heartbeat, args: z.tuple([]), result: z.undefined() },
  /** A visitor walked away: clear what the page stored during the visit (never settings or content). */
  endVisit: { channel: channels.endVisit, args: z.tuple([]), result: z.undefined() },
  printSheet: {
    channel: channels.printSheet,
    args: z.tuple([printRequestSchema]),
    result: printResultSchema,
  },
} as const satisfies Record<ApiMethod, { channel: string; args: z.ZodTuple; result: z.ZodType }>

export type Contract = typeof contract
export type ApiArgs<M extends ApiMethod> = z.input<Contract[M]['args']>
export type ApiResult<M extends ApiMethod> = z.output<Contract[M]['result']>

/** What the renderer sees as `window.kiosk`, and what the browser implementation provides too. */
export type KioskApi = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<M>>
}

/** Turns zod issues into the plain "field: reason" lines staff see. */
export function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(whole file)',
    message: issue.message,
  }))
}
