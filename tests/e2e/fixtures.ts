import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { createPinStore } from '../../electron/services/pin-store'
import { createSettingsStore } from '../../electron/services/settings-store'
import { defaultSettings } from '../../electron/shared/settings-defaults'
import type { Settings } from '../../electron/shared/settings-schema'
import { startWebHostProcess, type WebHostProcess } from './web-host-process'

/** How a test finds the kiosk's user-data folder before the host starts. */
export interface KioskSetup {
  /** A staff PIN already chosen, as on every day after the first. */
  pin?: string
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

/**
 * Every test gets its own kiosk: the real web host (`npm run serve:web`) with the real
 * services on a fresh user-data folder, which `page` opens as its base URL.
 */
export const test = base.extend<{ kioskSetup: KioskSetup; kiosk: RunningKiosk }>({
  kioskSetup: [{}, { option: true }],
  kiosk: async ({ kioskSetup }, use) => {
    const userData = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'))
    if (kioskSetup.pin) await createPinStore({ dir: userData }).setPin(kioskSetup.pin)
    if (kioskSetup.settings) {
      await createSettingsStore({ dir: userData }).save({
        ...defaultSettings,
        ...kioskSetup.settings,
      })
    }
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
