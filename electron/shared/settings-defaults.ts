import type { Locale } from './content-schema'

export const textSizes = ['normal', 'large', 'larger'] as const
export const contrasts = ['normal', 'high'] as const

/**
 * A fresh install's settings. They live apart from the zod schema (which takes them as its
 * defaults, and a test checks the two agree) so the kiosk's start-up code can read them
 * without loading zod.
 */
export const defaultSettings = {
  clinicName: 'Our clinic',
  clinicPhone: '',
  clinicWebsite: '',
  emergencyNumber: '911',
  collectionPoint: 'the front desk',
  defaultLocale: 'en' as Locale,
  enabledLocales: ['en', 'es'] as Locale[],
  idleTimeoutSeconds: 90,
  idleWarningSeconds: 15,
  staffIdleTimeoutSeconds: 120,
  defaultTextSize: 'normal' as (typeof textSizes)[number],
  defaultContrast: 'normal' as (typeof contrasts)[number],
  paperSize: 'Letter' as 'Letter' | 'A4',
  printerName: '',
  pdfFolder: '',
  perVisitPrintLimit: 3,
  dailyPrintLimit: 100,
}

/**
 * The language of staff screens, the PIN pad and staff messages: chosen in settings, else the
 * language the kiosk starts in. Never the language a visitor picked.
 */
export function staffLocaleOf(settings: { staffLocale?: Locale; defaultLocale: Locale }): Locale {
  return settings.staffLocale ?? settings.defaultLocale
}
