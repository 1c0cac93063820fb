import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { startWebHostProcess, webHostEntry } from './web-host-process'

/** Runs the host's command line to its end (for the ways it refuses to start). */
function run(args: string[]) {
  const result = spawnSync(process.execPath, [webHostEntry, ...args], {
    encoding: 'utf8',
    timeout: 10_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

test('the host prints exactly one line, "Kiosk ready at …", on stdout when it listens', async ({
  kiosk,
}) => {
  expect(kiosk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  const again = await startWebHostProcess(kiosk.userData)
  await again.stop()
  expect(new URL(again.url).port).not.toBe(new URL(kiosk.url).port)
})

test('without a user-data folder, or with a bad port, it says what to do and does not start', () => {
  const noFolder = run(['--port', '0'])
  expect(noFolder.code).toBe(2)
  expect(noFolder.stdout).toBe('')
  expect(noFolder.stderr).toContain('Say where the kiosk keeps its data with --user-data <folder>.')
  const badPort = run(['--user-data', tmpdir(), '--port', 'eighty'])
  expect(badPort.code).toBe(2)
  expect(badPort.stderr).toContain('"eighty" is not a port number.')
})

test('a port already in use is named as such', async ({ kiosk }) => {
  const taken = run(['--user-data', kiosk.userData, '--port', new URL(kiosk.url).port])
  expect(taken.code).toBe(1)
  expect(taken.stderr).toContain('That port is already in use')
})

test('listening beyond this computer needs an explicit flag, and is logged as a warning', async () => {
  const userData = await mkdtemp(join(tmpdir(), 'kiosk-address-'))
  const host = await startWebHostProcess(userData, { args: ['--address', '0.0.0.0'] })
  await host.stop()
  await rm(userData, { recursive: true, force: true })
  expect(host.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/)
  expect(host.log.join('\n')).toMatch(/warn listening on 0\.0\.0\.0, not only on this computer/)
})

test('a staff PIN chosen in the browser still works after the host restarts', async ({
  page,
  kiosk,
}) => {
  const typePin = async (digits: string) => {
    for (const digit of digits) await page.getByTestId(`pin-${digit}`).click()
    await page.getByTestId('pin-ok').click()
  }
  await page.goto('/#/admin')
  await typePin('482615')
  await typePin('482615')
  await expect(page.getByTestId('staff-home')).toBeVisible()
  await kiosk.restart()
  await page.reload()
  await expect(page.getByTestId('pin-sign-in')).toBeVisible()
  await typePin('482615')
  await expect(page.getByTestId('staff-home')).toBeVisible()
})
