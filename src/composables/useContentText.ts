import { storeToRefs } from 'pinia'
import { fillPlaceholders } from '@/components/read-aloud/spoken-text'
import { useSettingsStore } from '@/stores/useSettingsStore'

/**
 * Content text may name clinic settings as {placeholders}, so the emergency number and the
 * clinic's details always match what staff set.
 */
export function useContentText() {
  const { settings } = storeToRefs(useSettingsStore())
  return (text: string): string => fillPlaceholders(text, settings.value)
}
