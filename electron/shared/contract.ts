import { z } from 'zod'
import { idSchema, localeContentSchema, localeSchema } from './content-schema'
import { settingsSchema } from './settings-schema'
import type { UsageDay } from './usage-csv'
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

/** Anonymous visitor events for the staff usage page: never names, never typed text. */
export const usageEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('visit') }),
  z.strictObject({
    type: z.literal('section-view'),
    sectionId: idSchema,
    seconds: z.number().min(0).max(3600),
  }),
  z.strictObject({ type: z.literal('language'), locale: localeSchema }),
  z.strictObject({ type: z.literal('idle-reset') }),
])
export type UsageEvent = z.infer<typeof usageEventSchema>

export const pinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')

export const staffStatusSchema = z.strictObject({
  pinSet: z.boolean(),
  signedIn: z.boolean(),
  /** When a locked PIN pad opens again (ms since 1970), or null when it is not locked. */
  lockedUntil: z.number().nullable(),
  attemptsLeft: z.number().int(),
})
export type StaffStatus = z.infer<typeof staffStatusSchema>

const fieldProblems = z.array(z.strictObject({ field: z.string(), message: z.string() }))
const done = z.strictObject({ ok: z.literal(true) })
const refused = z.strictObject({ ok: z.literal(false), message: z.string() })
const invalid = z.strictObject({ ok: z.literal(false), problems: fieldProblems })

export const signInResultSchema = z.union([
  done,
  z.strictObject({
    ok: z.literal(false),
    reason: z.enum(['wrong', 'locked', 'not-set']),
    message: z.string(),
    attemptsLeft: z.number().int(),
    lockedUntil: z.number().nullable(),
  }),
])
export type SignInResult = z.infer<typeof signInResultSchema>

export const documentRefSchema = z.strictObject({
  locale: localeSchema,
  kind: z.enum(['section', 'sheet']),
  id: idSchema,
})
export type DocumentRef = z.infer<typeof documentRefSchema>

export const historyEntrySchema = z.strictObject({
  id: z.string(),
  at: z.string(),
  summary: z.string(),
})
export type StaffHistoryEntry = z.infer<typeof historyEntrySchema>

export const auditEntrySchema = z.object({
  at: z.string(),
  event: z.string(),
  detail: z.string().optional(),
})

export const printerSchema = z.strictObject({
  name: z.string(),
  displayName: z.string(),
  isDefault: z.boolean(),
})
export type Printer = z.infer<typeof printerSchema>

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
  recordUsage: {
    channel: channels.recordUsage,
    args: z.tuple([usageEventSchema]),
    result: z.undefined(),
  },
  /** A page error, for the main log: the page cannot write files itself. */
  reportError: {
    channel: channels.reportError,
    args: z.tuple([z.strictObject({ message: z.string().max(2000), where: z.string().max(200) })]),
    result: z.undefined(),
  },

  // Staff mode. Every method below staffSignOut refuses to run unless staff signed in with the PIN.
  staffStatus: { channel: channels.staffStatus, args: z.tuple([]), result: staffStatusSchema },
  /** First run: sets the PIN when none is set. Later: changes it, given the current PIN. */
  staffSetPin: {
    channel: channels.staffSetPin,
    args: z.tuple([z.strictObject({ pin: pinSchema, currentPin: pinSchema.optional() })]),
    result: z.union([done, refused]),
  },
  staffSignIn: {
    channel: channels.staffSignIn,
    args: z.tuple([z.strictObject({ pin: z.string().max(8) })]),
    result: signInResultSchema,
  },
  staffSignOut: { channel: channels.staffSignOut, args: z.tuple([]), result: z.undefined() },
  /** Settings are validated again in main; `unknown` here so staff get field-by-field reasons. */
  staffSaveSettings: {
    channel: channels.staffSaveSettings,
    args: z.tuple([z.unknown()]),
    result: z.union([z.strictObject({ ok: z.literal(true), settings: settingsSchema }), invalid]),
  },
  staffListPrinters: {
    channel: channels.staffListPrinters,
    args: z.tuple([]),
    result: z.array(printerSchema),
  },
  staffTestPrint: {
    channel: channels.staffTestPrint,
    args: z.tuple([]),
    result: printResultSchema,
  },
  staffSaveDocument: {
    channel: channels.staffSaveDocument,
    args: z.tuple([
      z.strictObject({
        locale: localeSchema,
        kind: z.enum(['section', 'sheet']),
        document: z.unknown(),
      }),
    ]),
    result: z.union([done, invalid]),
  },
  /** Back to the document as shipped with the app. */
  staffResetDocument: {
    channel: channels.staffResetDocument,
    args: z.tuple([documentRefSchema]),
    result: z.union([done, refused]),
  },
  staffHistory: {
    channel: channels.staffHistory,
    args: z.tuple([]),
    result: z.array(historyEntrySchema),
  },
  staffRestore: {
    channel: channels.staffRestore,
    args: z.tuple([z.strictObject({ id: z.string().max(80) })]),
    result: z.union([done, refused]),
  },
  /** Settings and content changes as one file (never the PIN); saved in user data in Electron. */
  staffExportBackup: {
    channel: channels.staffExportBackup,
    args: z.tuple([]),
    result: z.strictObject({
      fileName: z.string(),
      text: z.string(),
      savedTo: z.string().optional(),
    }),
  },
  /** Validates everything first; changes nothing if any part is invalid. */
  staffImportBackup: {
    channel: channels.staffImportBackup,
    args: z.tuple([z.strictObject({ text: z.string().max(20_000_000) })]),
    result: z.union([done, invalid]),
  },
  staffUsage: {
    channel: channels.staffUsage,
    args: z.tuple([z.strictObject({ days: z.number().int().min(1).max(400) })]),
    result: z.custom<UsageDay[]>(),
  },
  staffAudit: {
    channel: channels.staffAudit,
    args: z.tuple([z.strictObject({ limit: z.number().int().min(1).max(1000) })]),
    result: z.array(auditEntrySchema),
  },
  /** What is wrong with content, settings or counts files, for staff to see and fix. */
  staffProblems: {
    channel: channels.staffProblems,
    args: z.tuple([]),
    result: z.array(problemSchema),
  },
  staffExit: { channel: channels.staffExit, args: z.tuple([]), result: z.undefined() },
  staffRestart: { channel: channels.staffRestart, args: z.tuple([]), result: z.undefined() },
} as const satisfies Record<ApiMethod, { channel: string; args: z.ZodTuple; result: z.ZodType }>

export type Contract = typeof contract
export type ApiArgs<M extends ApiMethod> = z.input<Contract[M]['args']>
export type ApiResult<M extends ApiMethod> = z.output<Contract[M]['result']>

/** What the renderer sees as `window.kiosk`, and what the browser implementation provides too. */
export type KioskApi = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<M>>
}

/** Problems on one line, "file (field): message; ...", for error messages and logs. */
export function describeProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.file} (${p.field}): ${p.message}`).join('; ')
}

/** Turns zod issues into the plain "field: reason" lines staff see. */
export function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(whole file)',
    message: issue.message,
  }))
}
