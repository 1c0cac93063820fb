import { useI18n } from 'vue-i18n'
import type { ContentDocument, Locale } from '@shared/content-schema'
import type { HistoryChange, PageChange, StaffHistoryEntry } from '@shared/contract'
import { useContentStore } from '@/stores/useContentStore'
import { useWhen } from './useWhen'

/** A history entry in the staff's words: what changed, by whom, when to the second. */
export function useHistoryWords() {
  const { t } = useI18n()
  const content = useContentStore()
  const when = useWhen()

  /** "“Causes” (English)": the page's title as visitors see it now, and its language. */
  function page(key: string | undefined): string {
    if (!key) return ''
    const [inLocale, kind, id] = key.split('/') as [Locale, string, string]
    const shown = content.byLocale[inLocale]
    const list: ContentDocument[] = (kind === 'sheet' ? shown?.sheets : shown?.sections) ?? []
    const title = list.find((doc) => doc.id === id)?.title ?? id
    return t('staff.history.page', { title, language: t(`language.${inLocale}`) })
  }

  function what(change: HistoryChange): string {
    switch (change.type) {
      case 'edit':
      case 'hide':
      case 'show':
      case 'reset':
        return t(`staff.history.change.${change.type}`, { page: page(change.key) })
      case 'move':
        return t(`staff.history.change.move-${change.direction}`, { page: page(change.key) })
      case 'import':
        return t('staff.history.change.import')
      case 'restore':
        return t('staff.history.change.restore', { when: when(change.from) })
      case 'pack':
        return change.packId
          ? t('staff.history.change.pack', { pack: change.packId })
          : t('staff.history.change.packRemoved')
      case 'undo':
        return t('staff.history.change.undo', {
          what: t(`staff.history.kind.${change.undone}`),
          page: change.key ? page(change.key) : '',
          when: when(change.of),
        })
    }
  }

  function who(entry: StaffHistoryEntry): string {
    return entry.by.kind === 'staff'
      ? t('staff.history.by.staff')
      : t('staff.history.by.pack', { pack: entry.by.packId ?? t('staff.history.shipped') })
  }

  /** One line of what going back to a version changes on one page. */
  function pageChange(change: PageChange): string {
    const name = page(change.key)
    if (!change.after) return t('staff.history.pageGone', { page: name })
    if (!change.before) return t('staff.history.pageBack', { page: name })
    if (change.before.visible !== change.after.visible)
      return t(change.after.visible ? 'staff.history.pageShown' : 'staff.history.pageHidden', {
        page: name,
      })
    if (change.before.order !== change.after.order)
      return t('staff.history.pageMoved', { page: name })
    return t('staff.history.pageText', { page: name })
  }

  return { when, page, what, who, pageChange }
}
