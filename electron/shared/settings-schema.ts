import { z } from 'zod'
import { localeSchema } from './content-schema'
import { hasEmoji } from './plain-text'
import { contrasts, defaultSettings as defaults, textSizes } from './settings-defaults'

const textSizeSchema = z.enum(textSizes)
export type TextSize = z.infer<typeof textSizeSchema>

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+()\-. ]{3,20}$/, 'phone-format')

/** Clinic settings. Every field has a default so a fresh install works before staff set anything. */
export const settingsSchema = z
  .strictObject({
    clinicName: z
      .string()
      .trim()
      .min(1, 'clinic-name-required')
      .max(80)
      .refine((value) => !hasEmoji(value), 'no-emoji')
      .default(defaults.clinicName),
    clinicPhone: z.union([phone, z.literal('')]).default(defaults.clinicPhone),
    clinicWebsite: z
      .union([z.url({ protocol: /^https?$/, error: 'web-address' }).max(100), z.literal('')])
      .default(defaults.clinicWebsite),
    emergencyNumber: phone.default(defaults.emergencyNumber),
    collectionPoint: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .refine((value) => !hasEmoji(value), 'no-emoji')
      .default(defaults.collectionPoint),
    defaultLocale: localeSchema.default(defaults.defaultLocale),
    enabledLocales: z
      .array(localeSchema)
      .min(1, 'one-language-needed')
      .default(() => [...defaults.enabledLocales]),
    idleTimeoutSeconds: z.number().int().min(30).max(900).default(defaults.idleTimeoutSeconds),
    idleWarningSeconds: z.number().int().min(5).max(60).default(defaults.idleWarningSeconds),
    staffIdleTimeoutSeconds: z
      .number()
      .int()
      .min(30)
      .max(900)
      .default(defaults.staffIdleTimeoutSeconds),
    defaultTextSize: textSizeSchema.default(defaults.defaultTextSize),
    defaultContrast: z.enum(contrasts).default(defaults.defaultContrast),
    /** Unset: staff screens speak the kiosk's start language (see staffLocaleOf). */
    staffLocale: localeSchema.optional(),
    paperSize: z.enum(['Letter', 'A4']).default(defaults.paperSize),
    printerName: z.string().max(200).default(defaults.printerName),
    pdfFolder: z.string().max(500).default(defaults.pdfFolder),
    perVisitPrintLimit: z.number().int().min(1).max(10).default(defaults.perVisitPrintLimit),
    dailyPrintLimit: z.number().int().min(1).max(1000).default(defaults.dailyPrintLimit),
  })
  .refine((s) => s.enabledLocales.includes(s.defaultLocale), {
    message: 'default-language-enabled',
    path: ['defaultLocale'],
  })
export type Settings = z.infer<typeof settingsSchema>
