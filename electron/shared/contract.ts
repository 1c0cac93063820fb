import { z } from 'zod'
import { auditEntrySchema } from './audit-entry'
import { channels, type ApiMethod } from './channels'
import { idSchema, localeContentSchema, localeSchema } from './content-schema'
import { printerProblems, printerStates, type PrinterStatus } from './printer-status'
import { pinPolicy } from './pin-policy'
import { fallbackCodes, problemCodes, type FieldProblem, type Problem } from './problem'
import { fleetStatusSchema } from './fleet-status'
import { settingsSchema } from './settings-schema'
import type { UsageDay } from './usage-csv'

const problemParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]))
const fieldProblemSchema: z.ZodType<FieldProblem> = z.strictObject({
  field: z.string(),
  code: z.enum(problemCodes),
  params: problemParamsSchema.optional(),
})
const problemSchema: z.ZodType<Problem> = z.strictObject({
  file: z.string(),
  field: z.string(),
  code: z.enum(problemCodes),
  params: problemParamsSchema.optional(),
  movedTo: z.string().optional(),
  fallback: z.enum(fallbackCodes).optional(),
})
export type { FieldProblem, Problem }

const contentResultSchema = z.strictObject({
  content: localeContentSchema,
  problems: z.array(problemSchema),
})
export type ContentResult = z.infer<typeof contentResultSchema>

const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  /** 'browser': the web host serves the kiosk to a browser, which prints and cannot quit. */
  platform: z.enum(['electron', 'browser']),
  packaged: z.boolean(),
})
export type AppInfo = z.infer<typeof appInfoSchema>

const printRequestSchema = z.strictObject({ sheetId: idSchema, locale: localeSchema })
export type PrintRequest = z.infer<typeof printRequestSchema>

const printFailureReasons = [
  'no-printer',
  'printer-not-found',
  'printer-failed',
  'timeout',
  /** The printer said it cannot print (stopped, out of paper, offline…): nothing was sent. */
  'printer-down',
  'daily-limit',
  /** This visitor has printed as many sheets as one visit may. */
  'visit-limit',
  'not-ready',
  /** The host cannot do this kind of print, e.g. a test print from a browser. */
  'unsupported',
] as const
export type PrintFailureReason = (typeof printFailureReasons)[number]

/**
 * What happened to a print, as a code the renderer words. 'browser': the print is allowed and
 * counted, and the page now prints the sheet itself with window.print().
 */
const printResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    via: z.enum(['printer', 'pdf', 'browser']),
    savedTo: z.string().optional(),
  }),
  z.strictObject({
    ok: z.literal(false),
    reason: z.enum(printFailureReasons),
    savedTo: z.string().optional(),
  }),
])
export type PrintResult = z.infer<typeof printResultSchema>

const printerStatusSchema: z.ZodType<PrinterStatus> = z.strictObject({
  printer: z.string().nullable(),
  state: z.enum(printerStates),
  problems: z.array(z.enum(printerProblems)),
  checkedAt: z.iso.datetime(),
})
export type { PrinterStatus }

/** Anonymous visitor events for the staff usage page: never names, never typed text. */
const usageEventSchema = z.discriminatedUnion('type', [
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

const staffStatusSchema = z.strictObject({
  /**
   * 'not-set': the kiosk has not been set up yet. 'reset-needed': it has, but its PIN file is
   * gone or damaged, so staff mode stays locked until IT sets a new PIN on the computer.
   */
  pin: z.enum(['set', 'not-set', 'reset-needed']),
  signedIn: z.boolean(),
  /** Staff signed in with a PIN the rules for new PINs no longer allow: they should change it. */
  changeAdvised: z.boolean(),
  /** When a locked PIN pad opens again (ms since 1970), or null when it is not locked. */
  lockedUntil: z.number().nullable(),
  attemptsLeft: z.number().int(),
})
export type StaffStatus = z.infer<typeof staffStatusSchema>

const done = z.strictObject({ ok: z.literal(true) })
const invalid = z.strictObject({ ok: z.literal(false), problems: z.array(fieldProblemSchema) })
const pinRefusal = {
  attemptsLeft: z.number().int(),
  lockedUntil: z.number().nullable(),
}

const signInResultSchema = z.union([
  done,
  z.strictObject({
    ok: z.literal(false),
    reason: z.enum(['wrong', 'locked', 'not-set', 'reset-needed']),
    ...pinRefusal,
  }),
])
export type SignInResult = z.infer<typeof signInResultSchema>

/** A new PIN that breaks the rules comes back as problems of its field, as settings do. */
const changePinResultSchema = z.union([
  done,
  invalid,
  z.strictObject({
    ok: z.literal(false),
    reason: z.enum(['wrong', 'locked', 'reset-needed']),
    ...pinRefusal,
  }),
])

const documentRefSchema = z.strictObject({
  locale: localeSchema,
  kind: z.enum(['section', 'sheet']),
  id: idSchema,
})

/** What one saved version of the content changes was made by. */
export const historyChangeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('edit'), key: z.string() }),
  z.strictObject({ type: z.literal('reset'), key: z.string() }),
  z.strictObject({ type: z.literal('import') }),
  z.strictObject({ type: z.literal('restore'), from: z.iso.datetime() }),
])
export type HistoryChange = z.infer<typeof historyChangeSchema>

const historyEntrySchema = z.strictObject({
  id: z.string(),
  at: z.string(),
  change: historyChangeSchema,
})
export type StaffHistoryEntry = z.infer<typeof historyEntrySchema>

const printerSchema = z.strictObject({ name: z.string(), displayName: z.string() })
export type Printer = z.infer<typeof printerSchema>

/**
 * Who may call a method. 'visitor': any page of the kiosk. 'first-run': the setup screen, only
 * while the kiosk has never been set up. 'staff-open': staff mode before sign-in (the PIN pad).
 * 'staff': only with a signed-in staff session, which the call keeps open.
 */
export type Access = 'visitor' | 'first-run' | 'staff-open' | 'staff'

/** The one contract: every method's channel, who may call it, its argument tuple and result. */
export const contract = {
  getContent: {
    channel: channels.getContent,
    access: 'visitor',
    args: z.tuple([localeSchema]),
    result: contentResultSchema,
  },
  getSettings: {
    channel: channels.getSettings,
    access: 'visitor',
    args: z.tuple([]),
    result: settingsSchema,
  },
  getAppInfo: {
    channel: channels.getAppInfo,
    access: 'visitor',
    args: z.tuple([]),
    result: appInfoSchema,
  },
  /** The renderer is alive and its idle timer runs; main reloads it when these stop. */
  heartbeat: {
    channel: channels.heartbeat,
    access: 'visitor',
    args: z.tuple([]),
    result: z.undefined(),
  },
  /** A visitor walked away: clear what the page stored during the visit (never settings or content). */
  endVisit: {
    channel: channels.endVisit,
    access: 'visitor',
    args: z.tuple([]),
    result: z.undefined(),
  },
  printSheet: {
    channel: channels.printSheet,
    access: 'visitor',
    args: z.tuple([printRequestSchema]),
    result: printResultSchema,
  },
  /**
   * Whether the kiosk's printer can print now, asked over IPP: visitor screens offer a QR code
   * instead of a print that would fail, staff see it in words, and so can a status report.
   */
  getPrinterStatus: {
    channel: channels.getPrinterStatus,
    access: 'visitor',
    args: z.tuple([]),
    result: printerStatusSchema,
  },
  recordUsage: {
    channel: channels.recordUsage,
    access: 'visitor',
    args: z.tuple([usageEventSchema]),
    result: z.undefined(),
  },
  /** A page error, for the main log: the page cannot write files itself. */
  reportError: {
    channel: channels.reportError,
    access: 'visitor',
    args: z.tuple([z.strictObject({ message: z.string().max(2000), where: z.string().max(200) })]),
    result: z.undefined(),
  },
  /** Whether the kiosk still needs first-run setup; until then it serves no visitors. */
  getSetupStatus: {
    channel: channels.getSetupStatus,
    access: 'visitor',
    args: z.tuple([]),
    result: z.strictObject({ needed: z.boolean() }),
  },
  /**
   * The clinic's settings and the staff PIN at once (see shared/kiosk-setup.ts); checked in the
   * handler, so a wrong field comes back as a problem of that field and nothing is applied.
   */
  completeSetup: {
    channel: channels.completeSetup,
    access: 'first-run',
    args: z.tuple([z.unknown()]),
    result: z.union([done, invalid]),
  },
  setupListPrinters: {
    channel: channels.setupListPrinters,
    access: 'first-run',
    args: z.tuple([]),
    result: z.array(printerSchema),
  },
  staffStatus: {
    channel: channels.staffStatus,
    access: 'staff-open',
    args: z.tuple([]),
    result: staffStatusSchema,
  },
  staffSignIn: {
    channel: channels.staffSignIn,
    access: 'staff-open',
    args: z.tuple([z.strictObject({ pin: z.string().max(pinPolicy.maxDigits) })]),
    result: signInResultSchema,
  },
  staffSignOut: {
    channel: channels.staffSignOut,
    access: 'staff-open',
    args: z.tuple([]),
    result: z.undefined(),
  },
  /** Needs the current PIN as well as the session, so an open staff screen cannot be taken over. */
  staffChangePin: {
    channel: channels.staffChangePin,
    access: 'staff',
    args: z.tuple([
      z.strictObject({
        pin: z.string().max(pinPolicy.maxDigits),
        currentPin: z.string().min(1).max(pinPolicy.maxDigits),
      }),
    ]),
    result: changePinResultSchema,
  },
  /** Settings are validated in the handler; `unknown` here so staff get field-by-field reasons. */
  staffSaveSettings: {
    channel: channels.staffSaveSettings,
    access: 'staff',
    args: z.tuple([z.unknown()]),
    result: z.union([z.strictObject({ ok: z.literal(true), settings: settingsSchema }), invalid]),
  },
  staffListPrinters: {
    channel: channels.staffListPrinters,
    access: 'staff',
    args: z.tuple([]),
    result: z.array(printerSchema),
  },
  staffTestPrint: {
    channel: channels.staffTestPrint,
    access: 'staff',
    args: z.tuple([]),
    result: printResultSchema,
  },
  staffSaveDocument: {
    channel: channels.staffSaveDocument,
    access: 'staff',
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
    access: 'staff',
    args: z.tuple([documentRefSchema]),
    result: z.union([done, invalid]),
  },
  staffHistory: {
    channel: channels.staffHistory,
    access: 'staff',
    args: z.tuple([]),
    result: z.array(historyEntrySchema),
  },
  staffRestore: {
    channel: channels.staffRestore,
    access: 'staff',
    args: z.tuple([z.strictObject({ id: z.string().max(80) })]),
    result: z.union([done, invalid]),
  },
  /** Settings and content changes as one file (never the PIN), also kept in user data. */
  staffExportBackup: {
    channel: channels.staffExportBackup,
    access: 'staff',
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
    access: 'staff',
    args: z.tuple([z.strictObject({ text: z.string().max(20_000_000) })]),
    result: z.union([done, invalid]),
  },
  staffUsage: {
    channel: channels.staffUsage,
    access: 'staff',
    args: z.tuple([z.strictObject({ days: z.number().int().min(1).max(400) })]),
    result: z.custom<UsageDay[]>(),
  },
  staffAudit: {
    channel: channels.staffAudit,
    access: 'staff',
    args: z.tuple([z.strictObject({ limit: z.number().int().min(1).max(1000) })]),
    result: z.array(auditEntrySchema),
  },
  /** What is wrong with content, settings or counts files, for staff to see and fix. */
  staffProblems: {
    channel: channels.staffProblems,
    access: 'staff',
    args: z.tuple([]),
    result: z.array(problemSchema),
  },
  /**
   * The start screen is showing the content of release `showing`: no visitor is using the
   * kiosk, so a downloaded content pack may be switched to now. The answer names the release
   * the page should show; when it differs, the page reloads its content and says so again.
   */
  startScreenShown: {
    channel: channels.startScreenShown,
    access: 'visitor',
    args: z.tuple([z.strictObject({ showing: z.string().max(200).nullable() })]),
    result: z.strictObject({ current: z.string() }),
  },
  staffFleetStatus: {
    channel: channels.staffFleetStatus,
    access: 'staff',
    args: z.tuple([]),
    result: fleetStatusSchema,
  },
  /** Checks the content repository now, and answers once the check is done. */
  staffFleetCheckNow: {
    channel: channels.staffFleetCheckNow,
    access: 'staff',
    args: z.tuple([]),
    result: fleetStatusSchema,
  },
  staffExit: {
    channel: channels.staffExit,
    access: 'staff',
    args: z.tuple([]),
    result: z.undefined(),
  },
  staffRestart: {
    channel: channels.staffRestart,
    access: 'staff',
    args: z.tuple([]),
    result: z.undefined(),
  },
} as const satisfies Record<
  ApiMethod,
  { channel: string; access: Access; args: z.ZodTuple; result: z.ZodType }
>

export type Contract = typeof contract
export type ApiArgs<M extends ApiMethod> = z.input<Contract[M]['args']>
type ApiResult<M extends ApiMethod> = z.output<Contract[M]['result']>

/** What the renderer's adapters give it: one promise per method, whichever transport is used. */
export type KioskApi = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<M>>
}

/** Why the backend's guard refused a call before any handler ran. */
export type RefusalReason =
  | 'unknown-method'
  | 'untrusted-caller'
  | 'invalid-arguments'
  | 'sign-in-required'
  /** A first-run method, called on a kiosk that is already set up. */
  | 'setup-done'

/**
 * How either transport carries an answer: the result, or the guard's refusal. A refusal is an
 * answer, not an error, so Electron does not log it as a failed handler.
 */
export type CallAnswer = { result?: unknown } | { refused: RefusalReason }

/** What the Electron preload exposes as `window.kiosk`: each method answers a CallAnswer. */
export type KioskBridge = Record<ApiMethod, (...args: unknown[]) => Promise<CallAnswer>>
