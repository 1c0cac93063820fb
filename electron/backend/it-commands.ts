import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { exitCodes } from '../shared/exit-codes'
import { pinPolicy } from '../shared/pin-policy'
import { problemSummary, type FieldProblem } from '../shared/problem'
import type { KioskSetupFlow } from './kiosk-setup'

/** What IT can do on the computer itself, with the Electron app or the web host's command line. */
export type ItCommand = { name: 'setup'; file: string } | { name: 'reset-staff-pin' }

/** The options both command lines accept for IT's commands (parseArgs form). */
export const itCommandOptions = {
  setup: { type: 'string' },
  'reset-staff-pin': { type: 'boolean' },
} as const

export const itCommandUsage = `  --setup <file.json>  set up the kiosk (settings and staff PIN) from a file, then stop
  --reset-staff-pin    set a new staff PIN, typed here (or one line on stdin), then stop`

/** The IT command among parsed options, if any; a half-given one is reported as a usage error. */
export function itCommandFrom(values: {
  setup?: string | boolean
  'reset-staff-pin'?: string | boolean
}): ItCommand | { usage: string } | null {
  const setup = values.setup !== undefined
  const reset = values['reset-staff-pin'] !== undefined
  if (setup && reset) return { usage: 'Give either --setup or --reset-staff-pin, not both.' }
  if (setup) {
    return typeof values.setup === 'string' && values.setup !== ''
      ? { name: 'setup', file: values.setup }
      : { usage: 'Say which file to set the kiosk up from: --setup <file.json>.' }
  }
  return reset ? { name: 'reset-staff-pin' } : null
}

/**
 * IT's command among a whole command line, such as the Electron app's, which also carries
 * Chromium's and Electron's own switches: those are left alone.
 */
export function findItCommand(args: string[]): ItCommand | { usage: string } | null {
  const { values } = parseArgs({
    args,
    options: itCommandOptions,
    strict: false,
    allowPositionals: true,
  })
  return itCommandFrom(values)
}

export interface ItConsole {
  /** What went right, on stdout. */
  out(line: string): void
  /** What went wrong, on stderr. */
  error(line: string): void
  /** The new PIN as IT typed it, or null when none was given (the reason already said). */
  readNewPin(): Promise<string | null>
}

const pinRules = `A staff PIN has ${pinPolicy.newPinMinDigits} to ${pinPolicy.maxDigits} digits, and is not one digit repeated (000000) or a straight run (123456, 654321).`

function listProblems(io: ItConsole, problems: FieldProblem[]): void {
  for (const problem of problems) io.error(`  ${problem.field}: ${problemSummary(problem)}`)
  if (problems.some((problem) => problem.field === 'staffPin')) io.error(pinRules)
}

async function readSetupFile(path: string, io: ItConsole): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    io.error(`The setup file ${path} could not be read: ${(error as Error).message}`)
    return undefined
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    io.error(`The setup file ${path} is not valid JSON: ${(error as Error).message}`)
    return undefined
  }
}

/**
 * Runs one IT command on the kiosk's user-data folder and returns the exit code: 0 when it
 * was done, 2 when the input was wrong (nothing was changed then).
 */
export async function runItCommand(
  command: ItCommand,
  setup: KioskSetupFlow,
  io: ItConsole,
  userDataDir: string,
): Promise<number> {
  if (command.name === 'setup') {
    const input = await readSetupFile(command.file, io)
    if (input === undefined) return exitCodes.badInput
    const result = await setup.applyFile(input)
    if (!result.ok) {
      io.error(`The setup in ${command.file} was not applied; nothing was changed. Fix:`)
      listProblems(io, result.problems)
      return exitCodes.badInput
    }
    io.out(`The kiosk in ${userDataDir} is set up: its settings and staff PIN are saved.`)
    return exitCodes.ok
  }
  const pin = await io.readNewPin()
  if (pin === null) return exitCodes.badInput
  const result = await setup.resetPin(pin)
  if (!result.ok) {
    io.error('The staff PIN was not changed:')
    listProblems(io, result.problems)
    return exitCodes.badInput
  }
  io.out(`The staff PIN of the kiosk in ${userDataDir} is set. Staff mode opens with it now.`)
  return exitCodes.ok
}
