import { afterEach, beforeEach, vi } from 'vitest'
import type { Transport } from '@/platform'
import type { Caller } from '../../electron/backend/guard'
import { CallRefused } from '../../electron/shared/call-refused'
import { join } from 'node:path'
import { defaultSettings } from '../../electron/shared/settings-defaults'
import {
  createTestKiosk,
  staffPin,
  useUserDataFolder,
  type TestKiosk,
} from '../unit/backend/kiosk-fixture'

const caller: Caller = { trusted: true, from: 'component test' }
let current: TestKiosk | null = null
const inFlight = new Set<Promise<unknown>>()

/**
 * Waits until no call is on its way, including calls a finished call leads to (the app's
 * fire-and-forget work, such as ending a staff session when a view is left).
 */
async function settle(): Promise<void> {
  for (;;) {
    for (let turn = 0; turn < 50 && inFlight.size === 0; turn++) await Promise.resolve()
    if (inFlight.size === 0 && !vi.isFakeTimers()) {
      await new Promise((next) => setTimeout(next, 0))
    }
    if (inFlight.size === 0) return
    await Promise.allSettled([...inFlight])
  }
}

let folder: () => string = () => ''

/**
 * Gives every test a fresh real backend on a fresh user-data folder, with the shipped content
 * and a fake shell, set up as IT's setup file does (with `staffPin`), as on any day after the
 * first. After the test, the calls under way finish, the counts are written and the folder is
 * removed; a call after that is refused.
 */
export function useRealBackend(): void {
  folder = useUserDataFolder('kiosk-component-')
  beforeEach(async () => {
    current = createTestKiosk(folder())
    await current.setup.applyFile({ clinicName: defaultSettings.clinicName, staffPin })
  })
  // After-hooks run last-registered first, so this runs before the folder is removed.
  afterEach(async () => {
    await settle()
    current = null
  })
}

/** Points the page at a kiosk that has never been set up, for the first-run screens. */
export function useNewKiosk(): TestKiosk {
  current = createTestKiosk(join(folder(), 'new-kiosk'))
  return current
}

/** The backend the page is talking to in this test: its services, its shell and its log. */
export function realBackend(): TestKiosk {
  if (!current) throw new Error('no kiosk backend is running: call useRealBackend() first')
  return current
}

/**
 * Carries a call to the backend as the web host does: through the guard, as the kiosk's own
 * page, the answer copied so the page never shares an object with the backend.
 */
export const realBackendTransport: Transport = async (method, args) => {
  const call = realBackend().invoke(method, args, caller)
  const done = () => inFlight.delete(call)
  inFlight.add(call)
  call.then(done, done)
  try {
    return { result: structuredClone(await call) }
  } catch (error) {
    if (error instanceof CallRefused) return { refused: error.reason }
    throw error
  }
}
