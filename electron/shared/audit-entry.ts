import { z } from 'zod'

/** What staff mode records in the audit log. */
const auditEvents = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'locked',
  'settings-changed',
  'content-changed',
  'content-restored',
  'pin-changed',
  /** IT set a new PIN on the computer itself (`--reset-staff-pin`). */
  'pin-reset',
  /** First-run setup was completed, on the screen or from IT's setup file. */
  'setup',
  'import',
  'export',
] as const
export type AuditEvent = (typeof auditEvents)[number]

/**
 * Detail is a short fixed phrase or a content key chosen by the caller ("en/section/what-is"),
 * never anything a visitor typed and never a PIN; the length cap stops free text creeping in.
 */
export const auditEntrySchema = z.strictObject({
  at: z.iso.datetime(),
  event: z.enum(auditEvents),
  detail: z.string().max(200).optional(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>
