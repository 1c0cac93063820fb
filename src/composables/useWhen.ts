import { useI18n } from 'vue-i18n'

/** A moment as staff read it, to the second, in the language on screen: "Dec 1, 2026, 12:43:53 PM". */
export function useWhen() {
  const { locale } = useI18n()
  return (at: string): string =>
    new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'medium' }).format(
      new Date(at),
    )
}
