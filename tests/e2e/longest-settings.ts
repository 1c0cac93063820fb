import type { Settings } from '../../electron/shared/settings-schema'

/**
 * The longest clinic details the settings schema allows: the sheets and the screens that show
 * them must still fit, with nothing cut. The test beside each use checks they are that long.
 */
export const longestSettings = {
  clinicName: 'Saint Bartholomew and Maria Guadalupe Community Family Health Centers, Riverside',
  clinicPhone: '+1 (555) 010-0100 99',
  clinicWebsite:
    'https://www.riverside-community-family-health-center.example/patients/back-pain/sheets/en-us/letter/',
  collectionPoint:
    'the reception window on the second floor, next to the pharmacy and the big lifts',
} satisfies Partial<Settings>

/** The schema's limits, which the values above reach. */
export const longestLengths = {
  clinicName: 80,
  clinicPhone: 20,
  clinicWebsite: 100,
  collectionPoint: 80,
}
