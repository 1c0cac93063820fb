import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { expect, test } from './fixtures'
import { kioskRunning } from './kiosk-running'
import { signIn, typePin } from './staff-pad'
import { startWebHostProcess, webHostEntry } from './web-host-process'

/** Runs the host's command line to its end (its IT commands, and the ways it refuses to start). */
function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [webHostEntry, ...args], {
    encoding: 'utf8',
    timeout: 10_000,
    input,
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

test.describe('a kiosk set up on its screen', () => {
  test.use({ kioskSetup: { firstRun: true } })

  test('keeps the staff PIN chosen in the browser after the host restarts', async ({
    page,
    kiosk,
  }) => {
    await page.goto('/')
    await page.getByTestId('setting-clinicName').fill('Riverside Clinic')
    await typePin(page, '582039')
    await typePin(page, '582039')
    await page.getByTestId('setup-finish').click()
    await expect(page.getByTestId('touch-to-start')).toBeVisible()
    await kiosk.restart()
    await signIn(page, '582039')
  })
})

test('--setup <file> sets a new kiosk up without the screen, or names each bad field and changes nothing', async ({
  page,
}) => {
  const userData = await mkdtemp(join(tmpdir(), 'kiosk-setup-cli-'))
  try {
    const file = join(userData, '..', `${basename(userData)}-setup.json`)
    await writeFile(
      file,
      JSON.stringify({ clinicName: 'Riverside Clinic', paperSize: 'B5', staffPin: '1234' }),
    )
    const refused = run(['--user-data', userData, '--setup', file])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('was not applied; nothing was changed.')
    expect(refused.stderr).toMatch(/ {2}paperSize: invalid rule=invalid_value/)
    expect(refused.stderr).toMatch(/ {2}staffPin: invalid rule=pin-too-short minimum=6/)
    expect(await readdir(userData)).toEqual([])

    await writeFile(
      file,
      JSON.stringify({ clinicName: 'Riverside Clinic', paperSize: 'A4', staffPin: '582039' }),
    )
    const done = run(['--user-data', userData, '--setup', file])
    expect(done.code).toBe(0)
    expect(done.stdout).toContain('is set up: its settings and staff PIN are saved.')
    await rm(file)

    const host = await startWebHostProcess(userData)
    try {
      await page.goto(host.url)
      await kioskRunning(page)
      await page.goto(`${host.url}#/admin`)
      await typePin(page, '582039')
      await expect(page.getByTestId('staff-home')).toBeVisible()
    } finally {
      await host.stop()
    }
  } finally {
    await rm(userData, { recursive: true, force: true })
  }
})

test('--reset-staff-pin sets the PIN IT pipes in, lifts the lock, and is audited without the PIN', async ({
  page,
  kiosk,
}) => {
  await page.goto('/#/admin')
  for (let attempt = 0; attempt < 5; attempt += 1) await typePin(page, '0000')
  await expect(page.getByTestId('pin-locked')).toBeVisible()
  const weak = run(['--user-data', kiosk.userData, '--reset-staff-pin'], '111111\n')
  expect(weak.code).toBe(2)
  expect(weak.stderr).toContain('The staff PIN was not changed:')
  const reset = run(['--user-data', kiosk.userData, '--reset-staff-pin'], '739152\n')
  expect(reset.code).toBe(0)
  expect(reset.stdout).toContain('is set. Staff mode opens with it now.')
  await page.reload()
  await signIn(page, '739152')
  const audit = await readFile(join(kiosk.userData, 'audit.log'), 'utf8')
  expect(audit).toContain('"event":"pin-reset"')
  expect(audit).not.toContain('739152')
})
