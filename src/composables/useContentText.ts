import { storeToRefs } from 'pinia'
import { useSettingsStore } from '@/stores/useSettingsStore'

/**
 * Content text may name clinic settings as {placeholders}, so the emergency number and the
 * clinic's details always match what staff set.
 */
export function useContentText() {
  const { settings } = storeToRefs(useSettingsStore())
  return (text: string): string =>
    text.replace(
      /\{(emergencyNumber|clinicName|clinicPhone|collectionPoint)\}/g,
      (_match, key: string) => {
        const value =
          settings.value[
            key as 'emergencyNumber' | 'clinicName' | 'clinicPhone' | 'collectionPoint'
          ]
        return value || _match
      },
    )
}
