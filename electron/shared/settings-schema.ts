import { z } from 'zod'
import { localeSchema } from './content-schema'

export const textSizes = ['normal', 'large', 'larger'] as const
export const textSizeSchema = z.enum(textSizes)
export type TextSize = z.infer<typeof textSizeSchema>

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+()\-. ]{3,20}$/, 'use digits, spaces and + ( ) - . only (3 to 20 characters)')

/** Clinic settings. Every field has a default so a fresh install works before staff set anything. */
export const settingsSchema = z
  .strictObject({
    clinicName: z.string().trim().min(1, 'enter the clinic name').max(80).default('Our clinic'),
    clinicPhone: z.union([phone, z.literal('')]).default(''),
    clinicWebsite: z
      .union([
        z.url({ protocol: /^https?$/, error: 'enter a full web address starting with https://' }),
        z.literal(''),
      ])
      .default(''),
    emergencyNumber: phone.default('911'),
    collectionPoint: z.string().trim().min(1).max(80).default('the front desk'),
    defaultLocale: localeSchema.default('en'),
    enabledLocales: z
      .array(localeSchema)
      .min(1, 'enable at least one language')
      .default(['en', 'es']),
    idleTimeoutSeconds: z.number().int().min(30).max(900).default(90),
    idleWarningSeconds: z.number().int().min(5).max(60).default(15),
    staffIdleTimeoutSeconds: z.number().int().min(30).max(900).default(120),
    defaultTextSize: textSizeSchema.default('normal'),
    paperSize: z.enum(['Letter', 'A4']).default('Letter'),
    printerName: z.string().max(200).default(''),
    pdfFolder: z.string().max(500).default(''),
    perVisitPrintLimit: z.number().int().min(1).max(10).default(3),
    dailyPrintLimit: z.number().int().min(1).max(1000).default(100),
  })
  .refine((s) => s.enabledLocales.includes(s.defaultLocale), {
    message: 'the default language must be one of the enabled languages',
    path: ['defaultLocale'],
  })
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = settingsSchema.parse({})
