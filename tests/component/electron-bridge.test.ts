import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reactive } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createKioskBackend } from '../../electron/backend/create-kiosk-backend'
import { registerIpc } from '../../electron/main/ipc'
import type { KioskBridge } from '../../electron/shared/contract'
import { defaultSettings } from '../../electron/shared/settings-defaults'
import type { Settings } from '../../electron/shared/settings-schema'
import { electronTransport } from '../../src/platform/electron'
import { contextBridge, ipcMain, ipcRenderer, resetFakeElectron } from '../mocks/electron'
import { fakePrinters, fakeShell } from '../unit/backend/kiosk-fixture'
import { memoryLogger } from '../unit/main/test-logger'
import type * as Platform from '@/platform'

// The other component tests reach the backend through a stand-in transport: this one uses the
// platform's own code, over the Electron adapter.
const { createKioskApi } = await vi.importActual<typeof Platform>('@/platform')

/**
 * The page, the preload, the context bridge, IPC and the real backend on a temp folder, with
 * the fake electron copying every value across as Electron does.
 */
describe('staff Save through the Electron bridge', () => {
  let userData: string
  let bridge: KioskBridge

  beforeEach(async () => {
    resetFakeElectron()
    vi.resetModules()
    vi.doMock('electron', () => ({ contextBridge, ipcRenderer }))
    userData = await mkdtemp(join(tmpdir(), 'kiosk-bridge-'))
    const backend = createKioskBackend({
      userDataDir: userData,
      contentDir: 'content',
      shell: fakeShell(),
      log: memoryLogger(),
      appInfo: { name: 'kiosk', version: 'test', packaged: false },
      printers: fakePrinters(),
      printerCheckIntervalMs: 0,
    })
    registerIpc(ipcMain as never, backend.invoke, {
      isTrustedSender: (url) => url.startsWith('app://kiosk/'),
    })
    await import('../../electron/preload/index')
    bridge = contextBridge.exposed.get('kiosk') as KioskBridge
  })
  afterEach(() => rm(userData, { recursive: true, force: true }))

  it("sets up and saves settings drafts that are Vue reactive objects, as the screens' are", async () => {
    const kiosk = createKioskApi(electronTransport(bridge))
    await expect(
      kiosk.completeSetup({
        ...reactive({ ...defaultSettings, enabledLocales: ['en', 'es'] }),
        staffPin: '482615',
      }),
    ).resolves.toEqual({ ok: true })
    await expect(kiosk.staffSignIn({ pin: '482615' })).resolves.toEqual({ ok: true })
    const draft = reactive<Settings>({
      ...defaultSettings,
      enabledLocales: [...defaultSettings.enabledLocales],
      clinicName: 'Riverside Family Clinic',
    })
    const saved = await kiosk.staffSaveSettings(draft)
    expect(saved).toMatchObject({ ok: true, settings: { clinicName: 'Riverside Family Clinic' } })
    const file = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))
    expect(file.clinicName).toBe('Riverside Family Clinic')
  })

  it('cannot send that draft without the plain-data step: the bridge refuses to copy a proxy', async () => {
    const draft = reactive<Settings>({ ...defaultSettings, enabledLocales: ['en'] })
    expect(() => electronTransport(bridge)('staffSaveSettings', [draft])).toThrow(
      /could not be cloned/,
    )
  })

  it('refuses staff calls without a session as a refusal the page can tell apart', async () => {
    const kiosk = createKioskApi(electronTransport(bridge))
    await expect(kiosk.staffUsage({ days: 7 })).rejects.toMatchObject({
      name: 'CallRefused',
      reason: 'sign-in-required',
    })
  })
})
