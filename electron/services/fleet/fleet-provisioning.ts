import { join } from 'node:path'
import { fleetConfigSchema, type FleetConfig } from '../../shared/fleet-config'
import { problemsFromZod, type FieldProblem, type Problem } from '../../shared/problem'
import { createJsonFile } from '../json-file'

const fleetFileName = 'fleet.json'

const fleetFile = (userDataDir: string) =>
  // IT's file stays where IT put it: a bad one is reported, never moved aside.
  createJsonFile(join(userDataDir, fleetFileName), fleetConfigSchema, {
    name: fleetFileName,
    moveBadAside: false,
  })

export type FleetConfigRead =
  | { state: 'absent' }
  | { state: 'invalid'; problems: Problem[] }
  | { state: 'ok'; config: FleetConfig }

export async function readFleetConfig(userDataDir: string): Promise<FleetConfigRead> {
  const result = await fleetFile(userDataDir).read()
  if (result.ok) return { state: 'ok', config: result.value }
  if (result.reason === 'missing') return { state: 'absent' }
  return { state: 'invalid', problems: result.problems }
}

/**
 * Provisions a kiosk for the fleet: checks IT's settings with the same schema the kiosk reads
 * fleet.json with, and writes the file only when all of it is valid. For `--setup` and tests.
 */
export async function applyFleetProvisioning(
  userDataDir: string,
  input: unknown,
): Promise<{ ok: true; config: FleetConfig } | { ok: false; problems: FieldProblem[] }> {
  const parsed = fleetConfigSchema.safeParse(input)
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) }
  return { ok: true, config: await fleetFile(userDataDir).write(parsed.data) }
}
