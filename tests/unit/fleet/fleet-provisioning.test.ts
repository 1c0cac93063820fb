import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyFleetProvisioning } from '../../../electron/services/fleet/fleet-provisioning'
import { maxBackoffMs, nextDelayMs } from '../../../electron/services/fleet/sync-schedule'
import { signedInKiosk, useUserDataFolder, createTestKiosk } from '../backend/kiosk-fixture'
import { makeRepository, manualTimers, provision } from '../../fleet-support/fleet-fixture'

const folder = useUserDataFolder('kiosk-fleet-provision-')

describe('provisioning a kiosk for the fleet', () => {
  it('writes fleet.json only when every field is valid, and names each bad field', async () => {
    const { root } = await makeRepository(folder())
    const userData = join(folder(), 'kiosk')
    const bad = await applyFleetProvisioning(userData, {
      repository: 'http://content.example.org/repo',
      root,
      siteId: 'North Site',
      kioskId: 'kiosk-1',
      syncMinutes: 0,
    })
    expect(bad.ok).toBe(false)
    expect(bad.ok ? [] : bad.problems.map((p) => [p.field, p.params?.['rule']])).toEqual([
      ['repository', 'repository-location'],
      ['siteId', 'id-format'],
      ['syncMinutes', 'too_small'],
    ])
    await expect(access(join(userData, 'fleet.json'))).rejects.toThrow()

    const good = await applyFleetProvisioning(userData, {
      repository: 'https://content.example.org/repo',
      root,
      siteId: 'north',
      kioskId: 'kiosk-1',
    })
    expect(good).toMatchObject({ ok: true, config: { channel: 'stable', syncMinutes: 10 } })
    expect(JSON.parse(await readFile(join(userData, 'fleet.json'), 'utf8')).siteId).toBe('north')
  })

  it('a damaged fleet.json is reported to staff and in status.json, and the kiosk runs on', async () => {
    const userData = join(folder(), 'kiosk')
    await provision(userData, { repository: '', root: {}, siteId: 'x', kioskId: 'y' } as never)
    const kiosk = await signedInKiosk(userData)
    // The staff menu's list of problems to fix names it, asked first thing after the start.
    expect(await kiosk.api.staffProblems()).toContainEqual(
      expect.objectContaining({ file: 'fleet.json', field: 'repository', code: 'invalid' }),
    )
    const status = await kiosk.api.staffFleetStatus()
    expect(status.provisioned).toBe(false)
    expect(status.configProblems).toContainEqual({ field: 'repository', rule: 'not-empty' })
    expect(
      JSON.parse(await readFile(join(userData, 'status', 'status.json'), 'utf8')).lastSync,
    ).toMatchObject({ reason: 'config-invalid' })
    expect(kiosk.log.lines.join('\n')).toMatch(/fleet\.json cannot be used.*repository/)
    expect((await kiosk.api.getContent('en')).content.sections.length).toBeGreaterThan(0)
  })
})

describe('checking on a timer', () => {
  it('backs off after failures, doubling up to an hour, with jitter', () => {
    const middle = () => 0.5
    expect(nextDelayMs(10, 0, middle)).toBe(600_000)
    expect(nextDelayMs(10, 1, middle)).toBe(1_200_000)
    expect(nextDelayMs(10, 3, middle)).toBe(maxBackoffMs)
    expect(nextDelayMs(10, 9, middle)).toBe(maxBackoffMs)
    expect(nextDelayMs(10, 0, () => 0)).toBe(540_000)
    expect(nextDelayMs(10, 9, () => 1)).toBe(maxBackoffMs)
  })

  it('an unreachable repository never blocks the kiosk and sets the next check later', async () => {
    const { root } = await makeRepository(folder())
    const userData = join(folder(), 'kiosk')
    await provision(userData, {
      repository: 'http://127.0.0.1:9/',
      root,
      siteId: 'north',
      kioskId: 'kiosk-1',
      syncMinutes: 1,
    })
    const timers = manualTimers()
    const kiosk = createTestKiosk(userData, { fleet: { timers, random: () => 0.5 } })
    await kiosk.fleet.ready
    expect(timers.delays()).toContain(3_000)
    for (let i = 1; i <= 2; i++) {
      expect(timers.fire(i === 1 ? 3_000 : 120_000)).toBe(1)
      await expect.poll(() => timers.delays()).toContain(60_000 * 2 ** i)
    }
    expect((await kiosk.api.startScreenShown({ showing: null })).current).toBe('shipped')
  })
})
