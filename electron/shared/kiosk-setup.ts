import { z } from 'zod'
import { fleetConfigSchema, type FleetConfig } from './fleet-config'
import { newPinSchema } from './pin-policy'
import { problemsFromZod, type FieldProblem } from './problem'
import { settingsSchema, type Settings } from './settings-schema'

/**
 * What first-run setup asks for, on the kiosk's screen or in IT's `--setup <file.json>`: any of
 * the clinic's settings (the screen offers clinic name and phone, languages, printer or PDF
 * folder and paper size) and the staff PIN. The clinic name has to be given; everything else
 * not given keeps its default. IT's file may also connect the kiosk to the clinic group's
 * content repository (`fleet`, the fields of fleet.json).
 */
export type KioskSetup = { settings: Settings; staffPin: string; fleet?: FleetConfig }

const setupExtrasSchema = z.object({
  staffPin: newPinSchema.optional().refine((pin) => pin !== undefined, 'pin-required'),
  clinicName: z.unknown().refine((name) => name !== undefined, 'clinic-name-required'),
})

/**
 * Checks a setup as a whole: every field's problem at once, so nothing is applied until all
 * of it is right. The settings are checked by the settings schema itself.
 */
export function parseSetup(
  input: unknown,
  options: { fleet: boolean } = { fleet: false },
): { ok: true; setup: KioskSetup } | { ok: false; problems: FieldProblem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problems: [{ field: '(whole file)', code: 'invalid', params: { rule: 'invalid_type' } }],
    }
  }
  const { staffPin, ...rest } = input as Record<string, unknown>
  // Only IT's file connects a kiosk to a repository; the setup screen has no such field.
  const { fleet, ...settings } = options.fleet ? rest : { ...rest, fleet: undefined }
  const extras = setupExtrasSchema.safeParse({ staffPin, clinicName: settings['clinicName'] })
  const parsed = settingsSchema.safeParse(settings)
  const fleetParsed = fleet === undefined ? null : fleetConfigSchema.safeParse(fleet)
  const problems = [
    ...(extras.success ? [] : problemsFromZod(extras.error)),
    ...(parsed.success ? [] : problemsFromZod(parsed.error)),
    ...(fleetParsed && !fleetParsed.success
      ? problemsFromZod(fleetParsed.error).map((p) => ({ ...p, field: `fleet.${p.field}` }))
      : []),
  ]
  if (problems.length > 0 || !parsed.success || typeof staffPin !== 'string') {
    return { ok: false, problems }
  }
  const setup: KioskSetup = { settings: parsed.data, staffPin }
  if (fleetParsed?.success) setup.fleet = fleetParsed.data
  return { ok: true, setup }
}
