import { _electron as electron, expect, test } from '@playwright/test'
import { apiMethods } from '../../electron/shared/channels'
import { findElectronBinary } from './electron-binary'

const binary = findElectronBinary()

test('the packaged shell opens the locked-down kiosk on the start screen', async () => {
  if ('missing' in binary) {
    console.log(
      `Electron smoke test skipped: ${binary.missing}. Run it where Electron can be installed.`,
    )
    test.skip(true, binary.missing)
    return
  }
  const app = await electron.launch({ executablePath: binary.path, args: ['.'] })
  const page = await app.firstWindow()
  await expect(page.getByText('Touch to start')).toBeVisible()
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows()[0]!
    return { kiosk: win.isKiosk() }
  })
  expect(prefs.kiosk).toBe(true)
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
    'undefined',
  )
  expect(
    await page.evaluate(() => Object.keys((globalThis as { kiosk?: object }).kiosk ?? {}).sort()),
  ).toEqual([...apiMethods].sort())
  await app.close()
})
