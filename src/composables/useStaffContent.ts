import { computed, ref } from 'vue'
import type { ContentDocument, Locale } from '@shared/content-schema'
import type { FieldProblem } from '@shared/contract'
import { kiosk } from '@/platform'
import { useContentStore } from '@/stores/useContentStore'
import { useSettingsStore } from '@/stores/useSettingsStore'

export type DocumentKind = 'section' | 'sheet'

/** Staff's view of the content: the same merged content visitors see, and ways to change it. */
export function useStaffContent() {
  const contentStore = useContentStore()
  // Staff see the content in their own language first; the other is one tap away.
  const locale = ref<Locale>(useSettingsStore().staffLocale)
  const problems = ref<FieldProblem[]>([])

  const content = computed(() => contentStore.byLocale[locale.value])

  async function load(next: Locale = locale.value): Promise<void> {
    locale.value = next
    await contentStore.load(next)
  }

  /** Saves a document and reloads, so the change shows on the kiosk at once. */
  async function save(
    kind: DocumentKind,
    document: ContentDocument,
    inLocale: Locale = locale.value,
  ): Promise<boolean> {
    const result = await kiosk.staffSaveDocument({ locale: inLocale, kind, document })
    problems.value = result.ok ? [] : result.problems
    await contentStore.load(inLocale)
    return result.ok
  }

  async function reset(
    kind: DocumentKind,
    id: string,
    inLocale: Locale = locale.value,
  ): Promise<void> {
    await kiosk.staffResetDocument({ locale: inLocale, kind, id })
    await contentStore.load(inLocale)
  }

  return { locale, content, problems, load, save, reset }
}
