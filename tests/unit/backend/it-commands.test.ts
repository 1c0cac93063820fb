import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findItCommand, runItCommand, type ItConsole } from '../../../electron/backend/it-commands'
import { exitCodes } from '../../../electron/shared/exit-codes'
import { makeRepository } from '../../fleet-support/fleet-fixture'
import { auditTrail, createTestKiosk, kioskWithPin, useUserDataFolder } from './kiosk-fixture'

const folder = useUserDataFolder('kiosk-it-')

function itConsole(pin: string | null = null) {
  const out: string[] = []
  const error: string[] = []
  const io: ItConsole = {
    out: (line) => out.push(line),
    error: (line) => error.push(line),
    readNewPin: async () => pin,
  }
  return { io, out, error }
}

describe('finding the IT command on a command line', () => {
  it('finds it among Chromium and Electron switches, in either form', () => {
    expect(findItCommand(['.', '--no-sandbox', '--setup', '/tmp/s.json'])).toEqual({
      name: 'setup',
      file: '/tmp/s.json',
    })
    expect(findItCommand(['--setup=/tmp/s.json', '--enable-logging'])).toEqual({
      name: 'setup',
      file: '/tmp/s.json',
    })
    expect(findItCommand(['--supervised', '--reset-staff-pin'])).toEqual({
      name: 'reset-staff-pin',
    })
    expect(findItCommand(['.', '--supervised'])).toBeNull()
  })

  it('says what is missing when the command is half given or doubled', () => {
    expect(findItCommand(['--setup'])).toEqual({
      usage: expect.stringContaining('--setup <file.json>'),
    })
    expect(findItCommand(['--setup', 'a.json', '--reset-staff-pin'])).toEqual({
      usage: 'Give either --setup or --reset-staff-pin, not both.',
    })
  })
})

describe('--setup <file>', () => {
  it('sets the kiosk up from a file, and says where', async () => {
    const file = join(folder(), 'setup.json')
    await writeFile(file, JSON.stringify({ clinicName: 'Riverside Clinic', staffPin: '582039' }))
    const kiosk = createTestKiosk(join(folder(), 'data'))
    const { io, out, error } = itConsole()
    expect(await runItCommand({ name: 'setup', file }, kiosk.setup, io, kiosk.dir)).toBe(
      exitCodes.ok,
    )
    expect(out).toEqual([
      `The kiosk in ${kiosk.dir} is set up: its settings and staff PIN are saved.`,
    ])
    expect(error).toEqual([])
    expect(await kiosk.api.getSetupStatus()).toEqual({ needed: false })
  })

  it("also connects the kiosk to the clinic group's content repository when the file says where", async () => {
    const { repo, root } = await makeRepository(join(folder(), 'group'))
    const file = join(folder(), 'setup.json')
    const fleet = { repository: repo, root, siteId: 'north', kioskId: 'north-lobby-1' }
    await writeFile(file, JSON.stringify({ clinicName: 'North Clinic', staffPin: '582039', fleet }))
    const kiosk = createTestKiosk(join(folder(), 'data'))
    const { io } = itConsole()
    expect(await runItCommand({ name: 'setup', file }, kiosk.setup, io, kiosk.dir)).toBe(
      exitCodes.ok,
    )
    const written = JSON.parse(await readFile(join(kiosk.dir, 'fleet.json'), 'utf8'))
    expect(written).toMatchObject({ ...fleet, channel: 'stable', syncMinutes: 10 })
  })

  it('applies nothing when only the repository part of the file is wrong', async () => {
    const file = join(folder(), 'setup.json')
    const fleet = { repository: 'ftp://nowhere', root: {}, siteId: 'North Site', kioskId: 'k1' }
    await writeFile(file, JSON.stringify({ clinicName: 'North Clinic', staffPin: '582039', fleet }))
    const kiosk = createTestKiosk(join(folder(), 'data'))
    const { io, error } = itConsole()
    expect(await runItCommand({ name: 'setup', file }, kiosk.setup, io, kiosk.dir)).toBe(
      exitCodes.badInput,
    )
    expect(error.join('\n')).toMatch(/ {2}fleet\.siteId: invalid rule=id-format/)
    expect(await kiosk.api.getSetupStatus()).toEqual({ needed: true })
    await expect(readFile(join(kiosk.dir, 'fleet.json'), 'utf8')).rejects.toThrow(/ENOENT/)
  })

  it('names each bad field, changes nothing, and exits 2', async () => {
    const file = join(folder(), 'setup.json')
    await writeFile(file, JSON.stringify({ clinicName: '', paperSize: 'A5', staffPin: '1234' }))
    const kiosk = createTestKiosk(join(folder(), 'data'))
    const { io, error } = itConsole()
    expect(await runItCommand({ name: 'setup', file }, kiosk.setup, io, kiosk.dir)).toBe(
      exitCodes.badInput,
    )
    expect(error[0]).toBe(`The setup in ${file} was not applied; nothing was changed. Fix:`)
    expect(error.join('\n')).toMatch(/ {2}staffPin: invalid rule=pin-too-short minimum=6/)
    expect(error.join('\n')).toMatch(/ {2}clinicName: invalid rule=clinic-name-required/)
    expect(error.join('\n')).toMatch(/ {2}paperSize: invalid rule=invalid_value/)
    expect(error.at(-1)).toMatch(/^A staff PIN has 6 to 8 digits/)
    expect(await kiosk.api.getSetupStatus()).toEqual({ needed: true })
  })

  it('says so when the file cannot be read or is not JSON', async () => {
    const kiosk = createTestKiosk(join(folder(), 'data'))
    const missing = itConsole()
    const file = join(folder(), 'nothing.json')
    expect(await runItCommand({ name: 'setup', file }, kiosk.setup, missing.io, kiosk.dir)).toBe(2)
    expect(missing.error[0]).toMatch(/^The setup file .*nothing\.json could not be read: ENOENT/)
    await writeFile(file, '{"clinicName": ')
    const broken = itConsole()
    expect(await runItCommand({ name: 'setup', file }, kiosk.setup, broken.io, kiosk.dir)).toBe(2)
    expect(broken.error[0]).toMatch(/^The setup file .*nothing\.json is not valid JSON/)
  })
})

describe('--reset-staff-pin', () => {
  it('sets the PIN IT typed, lifts the lock, and is audited without the PIN', async () => {
    const kiosk = await kioskWithPin(folder())
    for (let i = 0; i < 5; i++) await kiosk.api.staffSignIn({ pin: '000001' })
    const { io, out } = itConsole('739152')
    expect(await runItCommand({ name: 'reset-staff-pin' }, kiosk.setup, io, kiosk.dir)).toBe(0)
    expect(out[0]).toMatch(/^The staff PIN of the kiosk in .* is set/)
    expect(await kiosk.api.staffSignIn({ pin: '739152' })).toEqual({ ok: true })
    expect((await auditTrail(kiosk)).at(-2)).toEqual(['pin-reset', 'by IT on the computer'])
    expect(await readFile(join(folder(), 'audit.log'), 'utf8')).not.toContain('739152')
  })

  it('refuses a PIN that breaks the rules, or none, and changes nothing', async () => {
    const kiosk = await kioskWithPin(folder())
    const weak = itConsole('111111')
    expect(await runItCommand({ name: 'reset-staff-pin' }, kiosk.setup, weak.io, kiosk.dir)).toBe(2)
    expect(weak.error).toEqual([
      'The staff PIN was not changed:',
      '  staffPin: invalid rule=pin-obvious',
      expect.stringMatching(/^A staff PIN has 6 to 8 digits/),
    ])
    const none = itConsole(null)
    expect(await runItCommand({ name: 'reset-staff-pin' }, kiosk.setup, none.io, kiosk.dir)).toBe(2)
    expect((await auditTrail(kiosk)).map(([event]) => event)).not.toContain('pin-reset')
  })
})
