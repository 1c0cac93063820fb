import type { Locale } from './content-schema'

export const textSizes = ['normal', 'large', 'larger'] as const

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
  paperSize: 'Letter' as 'Letter' | 'A4',
  printerName: '',
  pdfFolder: '',
  perVisitPrintLimit: 3,
  dailyPrintLimit: 100,
}
