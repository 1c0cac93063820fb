import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const servicesDir = process.env.KIOSK_SERVICES_DIR ?? '/tmp/kiosk-test-services'
const envFile = join(servicesDir, 'env')
const howToStart = `start them with: sudo scripts/test-services.sh start (.ci/run does)`

export interface TestServices {
  /** SPEECHD_ADDRESS of the tests' own speech-dispatcher, for Chromium to connect to. */
  speechEnv: Record<string, string>
  /** DISPLAY of the Xvfb the headed Chromium draws on. */
  displayEnv: Record<string, string>
  /** The CUPS queue the kiosk's browser prints to, and the folder its PDFs land in. */
  printer?: { queue: string; output: string }
  /** Why a test that needs these cannot run, or null when they were started. */
  missing: string | null
}

/** What scripts/test-services.sh started, read from the file it writes. */
export function testServices(): TestServices {
  if (!existsSync(envFile))
    return {
      speechEnv: {},
      displayEnv: {},
      missing: `CUPS, Xvfb and speech-dispatcher were not started (${envFile} is absent): ${howToStart}`,
    }
  const values = Object.fromEntries(
    readFileSync(envFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
  return {
    speechEnv: { SPEECHD_ADDRESS: values['SPEECHD_ADDRESS'] ?? '' },
    displayEnv: { DISPLAY: values['DISPLAY'] ?? '' },
    printer: { queue: values['KIOSK_PRINTER'] ?? '', output: values['KIOSK_PRINT_OUTPUT'] ?? '' },
    missing: null,
  }
}

/** The services, or an error that says how to start them: a test never skips for want of them. */
export function requireTestServices(): Required<TestServices> {
  const services = testServices()
  if (services.missing !== null || !services.printer) throw new Error(services.missing ?? '')
  return services as Required<TestServices>
}
