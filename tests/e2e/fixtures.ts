import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { createKioskBackend } from '../../electron/backend/create-kiosk-backend'
import { defaultSettings } from '../../electron/shared/settings-defaults'
import type { Settings } from '../../electron/shared/settings-schema'
import { createWebShell } from '../../electron/web-host/web-shell'
import { startWebHostProcess, type WebHostProcess } from './web-host-process'

/** The staff PIN of every kiosk the fixture sets up. */
export const staffPin = '482615'

/** How a test finds the kiosk's user-data folder before the host starts. */
export interface KioskSetup {
  /**
   * A kiosk never set up, which starts in first-run setup. Otherwise the kiosk has been set up
   * as IT's setup file does it (settings and staff PIN), as on every day after the first.
   */
  firstRun?: boolean
  settings?: Partial<Settings>
  /** Anything else to arrange in the folder, e.g. a damaged file. */
  prepare?: (userData: string) => Promise<void>
}

export interface RunningKiosk {
  url: string
  userData: string
  /** The host's log so far. */
  log: () => string[]
  /** Stops the host (it saves its counts first, as under systemd) and starts it again. */
  restart: () => Promise<void>
  stop: () => Promise<void>
}

/** What `--setup <file>` does (tests/e2e/web-host-cli.spec.ts runs that command itself). */
async function setUpAsIt(userData: string, settings: Partial<Settings>): Promise<void> {
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
  const backend = createKioskBackend({
    userDataDir: userData,
    contentDir: 'content',
    shell: createWebShell(quiet),
    log: quiet,
    appInfo: { name: 'kiosk', version: 'e2e', packaged: false },
  })
  const result = await backend.setup.applyFile({ ...defaultSettings, ...settings, staffPin })
  if (!result.ok) throw new Error(`the test kiosk could not be set up: ${JSON.stringify(result)}`)
  await backend.flush()
}

/**
 * Every test gets its own kiosk: the real web host (`npm run serve:web`) with the real
 * services on a fresh user-data folder, which `page` opens as its base URL.
 */
export const test = base.extend<{ kioskSetup: KioskSetup; kiosk: RunningKiosk }>({
  kioskSetup: [{}, { option: true }],
  kiosk: async ({ kioskSetup }, use) => {
    const userData = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'))
    if (!kioskSetup.firstRun) await setUpAsIt(userData, kioskSetup.settings ?? {})
    await kioskSetup.prepare?.(userData)
    let host: WebHostProcess = await startWebHostProcess(userData)
    const kiosk: RunningKiosk = {
      get url() {
        return host.url
      },
      userData,
      log: () => host.log,
      restart: async () => {
        // The same address, so the page and the test's relative URLs still reach it.
        const port = Number(new URL(host.url).port)
        await host.stop()
        host = await startWebHostProcess(userData, { port })
      },
      stop: () => host.stop(),
    }
    await use(kiosk)
    await host.stop()
    await rm(userData, { recursive: true, force: true })
  },
  baseURL: async ({ kiosk }, use) => use(kiosk.url),
})

export { expect } from '@playwright/test'
