import type { AuditEvent } from '../services/audit-log'
import { applyFleetProvisioning } from '../services/fleet/fleet-provisioning'
import type { PinStore } from '../services/pin-store'
import type { SettingsStore } from '../services/settings-store'
import { CallRefused } from '../shared/call-refused'
import { parseSetup, type KioskSetup } from '../shared/kiosk-setup'
import type { FieldProblem } from '../shared/problem'
import type { Settings } from '../shared/settings-schema'

type SetupResult = { ok: true } | { ok: false; problems: FieldProblem[] }

/**
 * First-run setup and IT's commands on the computer: the one place that sets the first PIN,
 * so the setup screen, `--setup <file>` and `--reset-staff-pin` follow the same rules in the
 * Electron app and in the web host.
 */
export function createKioskSetup(deps: {
  pin: PinStore
  settings: SettingsStore
  applied: (settings: Settings) => void
  record: (event: AuditEvent, detail?: string) => Promise<void>
  /** Where a setup file's `fleet` goes, as fleet.json. */
  userDataDir: string
}) {
  async function saveSettings(setup: KioskSetup): Promise<void> {
    deps.applied(await deps.settings.save(setup.settings))
  }

  const pinProblems = (problems: FieldProblem[]) =>
    problems.map((problem) => ({ ...problem, field: 'staffPin' }))

  return {
    needed: async () => (await deps.pin.status()).state === 'not-set',

    /** On the kiosk's screen: once only, on a kiosk that has never been set up. */
    async completeOnScreen(input: unknown): Promise<SetupResult> {
      const parsed = parseSetup(input)
      if (!parsed.ok) return parsed
      // The PIN first: the store refuses it under its lock if someone else set up meanwhile.
      const first = await deps.pin.setFirstPin(parsed.setup.staffPin)
      if (!first.ok) {
        if (first.reason === 'already-set') throw new CallRefused('setup-done', 'completeSetup')
        return { ok: false, problems: pinProblems(first.problems) }
      }
      await saveSettings(parsed.setup)
      await deps.record('setup', 'completed on the kiosk screen')
      return { ok: true }
    },

    /** IT's setup file: also for a kiosk set up before, whose settings and PIN it replaces. */
    async applyFile(input: unknown): Promise<SetupResult> {
      const parsed = parseSetup(input, { fleet: true })
      if (!parsed.ok) return parsed
      const reset = await deps.pin.resetPin(parsed.setup.staffPin, 'it-command')
      if (!reset.ok) return { ok: false, problems: pinProblems(reset.problems) }
      await saveSettings(parsed.setup)
      // Checked with the rest above, so this write cannot refuse what was already applied.
      if (parsed.setup.fleet) await applyFleetProvisioning(deps.userDataDir, parsed.setup.fleet)
      await deps.record('setup', 'applied from a setup file on the computer')
      return { ok: true }
    },

    /** IT, on the computer: a new staff PIN, the lock lifted. */
    async resetPin(newPin: string): Promise<SetupResult> {
      const reset = await deps.pin.resetPin(newPin, 'it-command')
      if (!reset.ok) return { ok: false, problems: pinProblems(reset.problems) }
      await deps.record('pin-reset', 'by IT on the computer')
      return { ok: true }
    },
  }
}
export type KioskSetupFlow = ReturnType<typeof createKioskSetup>
