import { z } from 'zod'
import { auditEntrySchema } from './audit-entry'
import { channels, type ApiMethod } from './channels'
import { documentSchema, idSchema, localeContentSchema, localeSchema } from './content-schema'
import { printerProblems, printerStates, type PrinterStatus } from './printer-status'
import { pinPolicy } from './pin-policy'
import { fallbackCodes, problemCodes, type FieldProblem, type Problem } from './problem'
import { fleetStatusSchema } from './fleet-status'
import { settingsSchema } from './settings-schema'
import { backupFileNamePattern } from './backup'
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

const pageKeySchema = z.string().max(200)

/** What one saved version of the content changes was made by. */
const changeShapes = [
  /** Staff edited the words (or anything but whether it shows and where). */
  z.strictObject({ type: z.literal('edit'), key: pageKeySchema }),
  z.strictObject({ type: z.literal('hide'), key: pageKeySchema }),
  z.strictObject({ type: z.literal('show'), key: pageKeySchema }),
  z.strictObject({
    type: z.literal('move'),
    key: pageKeySchema,
    direction: z.enum(['up', 'down']),
  }),
  /** Back to the text as shipped with the app. */
  z.strictObject({ type: z.literal('reset'), key: pageKeySchema }),
  z.strictObject({ type: z.literal('import') }),
  /** Every page back as it was after the version saved at `from`. */
  z.strictObject({ type: z.literal('restore'), from: z.iso.datetime() }),
  /** The content team's pack (null: none, the shipped content) now shows. */
  z.strictObject({ type: z.literal('pack'), packId: z.string().max(200).nullable() }),
] as const
const changeTypes = changeShapes.map((shape) => shape.shape.type.value)
export const historyChangeSchema = z.discriminatedUnion('type', [
  ...changeShapes,
  /** One earlier change taken back, and only that one: `of` is when it was made. */
  z.strictObject({
    type: z.literal('undo'),
    of: z.iso.datetime(),
    undone: z.enum([...changeTypes, 'undo']),
    key: pageKeySchema.optional(),
  }),
])
export type HistoryChange = z.infer<typeof historyChangeSchema>

/** Who made a change: staff on this kiosk, or the content team through a fleet content pack. */
export const historyAuthorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('staff') }),
  z.strictObject({ kind: z.literal('pack'), packId: z.string().max(200).nullable() }),
])
export type HistoryAuthor = z.infer<typeof historyAuthorSchema>

const historyEntrySchema = z.strictObject({
  id: z.string(),
  at: z.string(),
  change: historyChangeSchema,
  by: historyAuthorSchema,
  /** The pages ("<locale>/<kind>/<id>") it changed. */
  pages: z.array(pageKeySchema),
})
export type StaffHistoryEntry = z.infer<typeof historyEntrySchema>

/** One page before and after a change, as visitors saw it (null: the page was not there). */
const pageChangeSchema = z.strictObject({
  key: pageKeySchema,
  before: documentSchema.nullable(),
  after: documentSchema.nullable(),
})
export type PageChange = z.infer<typeof pageChangeSchema>

const versionIdSchema = z.strictObject({ id: z.string().max(80) })

/** Unsaved work kept for staff: the settings form, or one page in the editor. */
export const draftIdSchema = z
  .string()
  .regex(/^(settings|page\/(en|es)\/(section|sheet)\/[a-z0-9]+(-[a-z0-9]+)*)$/)
export type DraftId = z.infer<typeof draftIdSchema>
/** Far above any form staff fill in; stops the draft file from being filled with junk. */
const maxDraftChars = 2_000_000
const draftSchema = z.strictObject({ id: draftIdSchema, at: z.iso.datetime(), data: z.unknown() })
export type Draft = z.infer<typeof draftSchema>

const exportedFileSchema = z.strictObject({
  fileName: z.string(),
  text: z.string(),
  /** Where the kiosk saved it; absent when the browser is to download it. */
  savedTo: z.string().optional(),
})

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
  /** Shows or hides a page for visitors; a safety section cannot be hidden. */
  staffSetVisible: {
    channel: channels.staffSetVisible,
    access: 'staff',
    args: z.tuple([documentRefSchema.extend({ visible: z.boolean() })]),
    result: z.union([done, invalid]),
  },
  /** Swaps a page with its neighbour in the list visitors see, as one change. */
  staffMoveDocument: {
    channel: channels.staffMoveDocument,
    access: 'staff',
    args: z.tuple([documentRefSchema.extend({ direction: z.enum(['up', 'down']) })]),
    result: z.union([done, invalid]),
  },
  staffHistory: {
    channel: channels.staffHistory,
    access: 'staff',
    args: z.tuple([]),
    result: z.array(historyEntrySchema),
  },
  /** One change, with each page it changed before and after, and whether it can be undone. */
  staffHistoryEntry: {
    channel: channels.staffHistoryEntry,
    access: 'staff',
    args: z.tuple([versionIdSchema]),
    result: z.union([
      z.strictObject({
        ok: z.literal(true),
        entry: historyEntrySchema,
        undoable: z.boolean(),
        pages: z.array(pageChangeSchema),
      }),
      invalid,
    ]),
  },
  /** Takes back that one change, leaving every later one as it is; itself a new change. */
  staffUndo: {
    channel: channels.staffUndo,
    access: 'staff',
    args: z.tuple([versionIdSchema]),
    result: z.union([done, invalid]),
  },
  /** What going back to a version would change, page by page, before staff confirm it. */
  staffRestorePreview: {
    channel: channels.staffRestorePreview,
    access: 'staff',
    args: z.tuple([versionIdSchema]),
    result: z.union([
      z.strictObject({ ok: z.literal(true), pages: z.array(pageChangeSchema) }),
      invalid,
    ]),
  },
  staffRestore: {
    channel: channels.staffRestore,
    access: 'staff',
    args: z.tuple([versionIdSchema]),
    result: z.union([done, invalid]),
  },
  /** Unsaved work kept in the backend, so a walk-away, a time-out or a reload loses nothing. */
  staffDrafts: {
    channel: channels.staffDrafts,
    access: 'staff',
    args: z.tuple([]),
    result: z.array(draftSchema),
  },
  staffSaveDraft: {
    channel: channels.staffSaveDraft,
    access: 'staff',
    args: z.tuple([
      z.strictObject({
        id: draftIdSchema,
        data: z.unknown().refine((data) => JSON.stringify(data ?? null).length <= maxDraftChars),
      }),
    ]),
    result: z.undefined(),
  },
  staffDiscardDraft: {
    channel: channels.staffDiscardDraft,
    access: 'staff',
    args: z.tuple([z.strictObject({ id: draftIdSchema })]),
    result: z.undefined(),
  },
  /** Settings and content changes as one file (never the PIN), also kept in user data. */
  staffExportBackup: {
    channel: channels.staffExportBackup,
    access: 'staff',
    args: z.tuple([]),
    result: exportedFileSchema,
  },
  /** The backups the kiosk keeps and finds in its export folder, newest first, to import by touch. */
  staffBackups: {
    channel: channels.staffBackups,
    access: 'staff',
    args: z.tuple([]),
    result: z.array(z.strictObject({ fileName: z.string(), at: z.iso.datetime() })),
  },
  /**
   * Validates everything first; changes nothing if any part is invalid. The file's text (a
   * browser's file picker), or the name of one of staffBackups' files.
   */
  staffImportBackup: {
    channel: channels.staffImportBackup,
    access: 'staff',
    args: z.tuple([
      z.union([
        z.strictObject({ text: z.string().max(20_000_000) }),
        z.strictObject({ fileName: z.string().regex(backupFileNamePattern) }),
      ]),
    ]),
    result: z.union([done, invalid]),
  },
  /** The usage counts as CSV: saved in the export folder by the app, downloaded by a browser. */
  staffExportUsage: {
    channel: channels.staffExportUsage,
    access: 'staff',
    args: z.tuple([z.strictObject({ days: z.number().int().min(1).max(400) })]),
    result: exportedFileSchema,
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
