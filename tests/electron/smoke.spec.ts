import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { apiMethods } from '../../electron/shared/channels'
import { findElectronBinary } from './electron-binary'

const binary = findElectronBinary()
const appDir = resolve(import.meta.dirname, '../..')
/** Chromium refuses to run its sandbox as root (as in many CI containers) unless told not to. */
const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : []
const staffPin = '582039'

/**
 * The real shell, built (`npm run build`) and run by the real Electron binary. Runs where an
 * Electron binary is installed (README: `npx install-electron --no`); elsewhere it says why.
 */
test('the shell opens the locked-down kiosk on app://, a staff Save round-trips, and Alt+F4 does not close it', async () => {
  if ('missing' in binary) {
    console.log(
      `Electron smoke test skipped: ${binary.missing}. Run it where Electron can be installed.`,
    )
    test.skip(true, binary.missing)
    return
  }
  const userData = await mkdtemp(join(tmpdir(), 'kiosk-electron-'))
  const userDataArg = `--user-data-dir=${userData}`
  try {
    // Set up as IT would, with the app itself: no window, exit code 0.
    const setupFile = join(userData, '..', `${userData.split('/').pop()}-setup.json`)
    await writeFile(setupFile, JSON.stringify({ clinicName: 'Smoke Test Clinic', staffPin }))
    const setup = spawnSync(binary.path, ['.', ...sandbox, userDataArg, '--setup', setupFile], {
      cwd: appDir,
      encoding: 'utf8',
      timeout: 60_000,
    })
    await rm(setupFile)
    expect(setup.status, setup.stderr).toBe(0)

    const app = await electron.launch({
      executablePath: binary.path,
      args: ['.', ...sandbox, userDataArg],
      cwd: appDir,
    })
    const page = await app.firstWindow()
    await expect(page.getByTestId('touch-to-start')).toBeVisible()
    expect(page.url()).toMatch(/^app:\/\/kiosk\//)
    expect(
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isKiosk()),
    ).toBe(true)
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    )
    expect(
      await page.evaluate(() => Object.keys((globalThis as { kiosk?: object }).kiosk ?? {}).sort()),
    ).toEqual([...apiMethods].sort())

    // Staff Save: a Vue reactive draft through the context bridge, to disk, and back.
    await page.evaluate(() => (window.location.hash = '#/admin'))
    for (const digit of staffPin) await page.getByTestId(`pin-${digit}`).click()
    await page.getByTestId('pin-ok').click()
    await page.getByTestId('staff-settings').click()
    await page.getByTestId('setting-clinicName').fill('Riverside Family Clinic')
    await page.getByTestId('settings-save').click()
    await expect(page.getByTestId('settings-saved')).toBeVisible()
    const saved = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))
    expect(saved.clinicName).toBe('Riverside Family Clinic')
    await page.reload()
    await page.evaluate(() => (window.location.hash = '#/admin'))
    for (const digit of staffPin) await page.getByTestId(`pin-${digit}`).click()
    await page.getByTestId('pin-ok').click()
    await page.getByTestId('staff-settings').click()
    await expect(page.getByTestId('setting-clinicName')).toHaveValue('Riverside Family Clinic')

    // Alt+F4 as a key in the page, and as the window manager's close: the kiosk stays.
    await page.keyboard.press('Alt+F4')
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close())
    await page.waitForTimeout(500)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    await expect(page.getByTestId('setting-clinicName')).toBeVisible()
    await app.close()
  } finally {
    await rm(userData, { recursive: true, force: true })
  }
})
