import { createI18n } from 'vue-i18n'
import type { Locale } from '@shared/content-schema'
import en from './en.json'
import es from './es.json'

export type MessageSchema = typeof en

export function createKioskI18n(locale: Locale = 'en') {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, es },
  })
}
