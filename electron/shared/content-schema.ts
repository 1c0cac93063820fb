import { z } from 'zod'
import { helpQuestionIds, type HelpOutcome } from './help-check-rules'
import { hasEmoji } from './plain-text'

/**
 * The content model. Content files are YAML under content/<locale>/ so clinic staff can
 * read and edit them in any text editor; this schema is the single definition of what a
 * valid file is, used at build time, at load, by `npm run content:check` and by imports.
 */

export const localeSchema = z.enum(['en', 'es'])
export type Locale = z.infer<typeof localeSchema>
export const locales: readonly Locale[] = localeSchema.options

/**
 * Content is plain text shown through Vue's escaping text interpolation; markup is refused
 * outright so a pasted snippet can never smuggle in script or remote resources.
 */
const text = z
  .string()
  .trim()
  .min(1, 'not-empty')
  .refine((value) => !/<\/?[a-z!][^>]*>/i.test(value), 'no-html')
  .refine((value) => !hasEmoji(value), 'no-emoji')
/** Ids appear in routes and file names, so they are kept to safe lowercase slugs. */
export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id-format')
/** Illustrations are bundled SVG files in resources/illustrations/, never remote images. */
const illustrationSchema = idSchema

const sourceSchema = z.strictObject({
  organisation: text,
  title: text,
})

const paragraphBlock = z.strictObject({ kind: z.literal('paragraph'), text })
const listBlock = z.strictObject({
  kind: z.literal('list'),
  title: text.optional(),
  items: z.array(text).min(1),
})
/**
 * The picture beside a callout's title. Each kind of warning has its own (a flame for heat, a
 * pill for medicines, a stop sign for "stop if it hurts"), so a glance tells them apart; a
 * callout that names none gets its tone's: a triangle, a clock, an "i".
 */
const calloutIcons = [
  'alert',
  'clock',
  'calendar',
  'info',
  'heat',
  'medicine',
  'drowsy',
  'doctor',
  'fever',
  'pain',
  'checklist',
  'stop',
] as const
export type CalloutIconName = (typeof calloutIcons)[number]

const calloutBlock = z.strictObject({
  kind: z.literal('callout'),
  tone: z.enum(['info', 'warning', 'emergency']),
  icon: z.enum(calloutIcons).optional(),
  title: text,
  text: text.optional(),
  items: z.array(text).min(1).optional(),
})
const stepsBlock = z.strictObject({
  kind: z.literal('steps'),
  title: text.optional(),
  items: z.array(text).min(1),
})
const imageBlock = z.strictObject({
  kind: z.literal('image'),
  illustration: illustrationSchema,
  alt: text,
  caption: text.optional(),
})
const qaBlock = z.strictObject({
  kind: z.literal('qa'),
  pairs: z.array(z.strictObject({ question: text, answer: text })).min(1),
})
const stretchBlock = z.strictObject({
  kind: z.literal('stretch'),
  id: idSchema,
  title: text,
  illustration: illustrationSchema,
  alt: text,
  steps: z.array(text).min(1),
  holdSeconds: z.number().int().min(5).max(120),
  repetitions: z.number().int().min(1).max(20),
  /** The same stretch on a chair or a bed, for people who should not get down to the floor. */
  alternative: z
    .strictObject({
      title: text,
      illustration: illustrationSchema,
      alt: text,
      steps: z.array(text).min(1),
    })
    .optional(),
})
/** The main points of a take-home sheet, at its top, so a reader who stops there has them. */
const summaryBlock = z.strictObject({
  kind: z.literal('summary'),
  title: text,
  items: z.array(text).min(1),
})
/** A box to write in by hand on the printed sheet (medicine, dose, follow-up date…). */
const planBlock = z.strictObject({
  kind: z.literal('plan'),
  title: text,
  text: text.optional(),
  fields: z.array(text).min(1),
})
/** A grid of tick boxes, one row per thing to do and one column per day. */
const logBlock = z.strictObject({
  kind: z.literal('log'),
  title: text,
  text: text,
  rows: z.array(text).min(1),
  days: z.number().int().min(1).max(14),
})
/**
 * Where a printed sheet starts its next page: a sheet too long for one page is split where
 * its author chose (the help lists together, say), never in the middle of a box.
 */
const pageBreakBlock = z.strictObject({ kind: z.literal('page-break') })

const blockSchema = z.discriminatedUnion('kind', [
  paragraphBlock,
  listBlock,
  calloutBlock,
  stepsBlock,
  imageBlock,
  qaBlock,
  stretchBlock,
  summaryBlock,
  planBlock,
  logBlock,
  pageBreakBlock,
])
export type Block = z.infer<typeof blockSchema>

/** Sections and take-home sheets share one shape, so one renderer and one editor serve both. */
export const documentSchema = z.strictObject({
  id: idSchema,
  title: text,
  summary: text,
  illustration: illustrationSchema,
  order: z.number().int().min(0),
  visible: z.boolean(),
  lastReviewed: z.iso.date(),
  sources: z.array(sourceSchema).min(1),
  blocks: z.array(blockSchema).min(1),
})
export type ContentDocument = z.infer<typeof documentSchema>

const helpOutcomeText = z.strictObject({ title: text, action: text, items: z.array(text).min(1) })

/**
 * The "Should I get help?" check: the words are content, one file per language; what each
 * answer means is the decision table in help-check-rules.ts, so the file must word exactly the
 * questions that table asks, and every result it can give.
 */
export const helpCheckSchema = z.strictObject({
  intro: text,
  disclaimer: text,
  questions: z
    .array(z.strictObject({ id: idSchema, text }))
    .min(1)
    .superRefine((questions, ctx) => {
      const ids = questions.map((question) => question.id)
      const missing = helpQuestionIds.filter((id) => !ids.includes(id))
      const unknown = ids.filter((id) => !helpQuestionIds.includes(id))
      const twice = ids.filter((id, index) => ids.indexOf(id) !== index)
      if (missing.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: 'help-question-missing',
          params: { ids: missing.join(', ') },
        })
      if (unknown.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: 'help-question-unknown',
          params: { ids: unknown.join(', ') },
        })
      if (twice.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: 'help-question-twice',
          params: { ids: twice.join(', ') },
        })
    }),
  outcomes: z.strictObject({
    emergency: helpOutcomeText,
    'ask-now': helpOutcomeText,
    'soon-urgent': helpOutcomeText,
    soon: helpOutcomeText,
    visit: helpOutcomeText,
    home: helpOutcomeText,
  } satisfies Record<HelpOutcome, typeof helpOutcomeText>),
})
export type HelpCheck = z.infer<typeof helpCheckSchema>

export const siteSchema = z.strictObject({
  topic: text,
  tagline: text,
  disclaimer: text,
})
export type Site = z.infer<typeof siteSchema>

/** Everything the kiosk shows for one locale. */
export const localeContentSchema = z.strictObject({
  locale: localeSchema,
  site: siteSchema,
  sections: z.array(documentSchema).min(1),
  sheets: z.array(documentSchema),
  about: documentSchema,
  helpCheck: helpCheckSchema,
})
export type LocaleContent = z.infer<typeof localeContentSchema>
