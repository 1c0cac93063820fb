import { createI18n } from 'vue-i18n'
import type { Locale } from '@shared/content-schema'
import { mergeStaffWords } from './staff-words'

export type Messages = Record<string, string | Record<string, string | Record<string, string>>>

/**
 * Each screen area keeps its strings in its own file (i18n/<locale>/<area>.json), so areas can
 * change independently; here they are merged into one message tree per locale. Only the
 * visitors' areas come with the start screen: staff mode's words load with it (staff-words.ts).
 */
const files = import.meta.glob<Messages>(
  ['./*/*.json', '!./*/staff.json', '!./*/setup.json', '!./*/fleet.json', '!./*/problems.json'],
  { eager: true, import: 'default' },
)

function messagesFor(locale: Locale): Messages {
  const merged: Messages = {}
  for (const [path, messages] of Object.entries(files)) {
    if (path.startsWith(`./${locale}/`)) Object.assign(merged, messages)
  }
  return merged
}

export function createKioskI18n(locale: Locale = 'en') {
  const i18n = createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en: messagesFor('en'), es: messagesFor('es') } as Record<string, Messages>,
  })
  mergeStaffWords(i18n.global)
  return i18n
}
