import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { decidePack, rolloutBucket } from '../../../electron/services/fleet/pack-decision'
import type { ChannelPointer } from '../../../electron/shared/fleet-pack'
import { createTestKiosk, useTestClock, useUserDataFolder } from '../backend/kiosk-fixture'
import { useTempFolder } from '../temp-folder'
import { makeRepository, provision, writePack } from '../../fleet-support/fleet-fixture'
import { startStaticServer, type StaticServer } from '../../fleet-support/static-server'

const pointer: ChannelPointer = {
  channel: 'stable',
  packId: 'autumn',
  percent: 50,
  notBefore: null,
  minAppVersion: '0.1.0',
  publishedAt: '2026-11-01T00:00:00.000Z',
}
const kiosk = (kioskId: string, now = new Date('2026-11-21T10:00:00Z')) => ({
  kioskId,
  appVersion: '0.1.0',
  now,
  badPacks: [],
})

describe('which kiosks take a pack', () => {
  it('--percent 50 takes the kiosks whose bucket is below 50, about half of 2,000', () => {
    const ids = Array.from(
      { length: 2000 },
      (_, i) => `clinic-${Math.floor(i / 40)}-kiosk-${i % 40}`,
    )
    const taking = ids.filter((id) => decidePack(pointer, kiosk(id)) === 'applies')
    for (const id of ids) expect(taking.includes(id)).toBe(rolloutBucket(id) < 50)
    expect(taking.length).toBeGreaterThan(900)
    expect(taking.length).toBeLessThan(1100)
    // A wider rollout keeps the kiosks that already took it.
    const wider = ids.filter(
      (id) => decidePack({ ...pointer, percent: 80 }, kiosk(id)) === 'applies',
    )
    expect(taking.every((id) => wider.includes(id))).toBe(true)
  })

  it('waits for --not-before, and for the minimum app version', () => {
    const later = { ...pointer, percent: 100, notBefore: '2026-11-22T06:00:00.000Z' }
    expect(decidePack(later, kiosk('k', new Date('2026-11-22T05:59:00Z')))).toBe('not-before')
    expect(decidePack(later, kiosk('k', new Date('2026-11-22T06:00:00Z')))).toBe('applies')
    expect(decidePack({ ...pointer, percent: 100, minAppVersion: '0.10.0' }, kiosk('k'))).toBe(
      'app-too-old',
    )
  })
})

describe('a rollout over HTTP', () => {
  const repoFolder = useTempFolder('kiosk-fleet-rollout-repo-')
  const folder = useUserDataFolder('kiosk-fleet-rollout-')
  // TUF checks expiry against the real time, so the kiosk's clock starts there too.
  const clock = useTestClock(new Date().toISOString())
  let server: StaticServer | null = null
  afterAll(() => server?.close())

  it('a pack with --not-before in the future is not applied until then', async () => {
    const { repo, root, publishPack } = await makeRepository(repoFolder())
    await publishPack(await writePack(repoFolder(), { id: 'winter', title: 'Winter title' }), {
      notBefore: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    })
    server = await startStaticServer(repo)
    const userData = join(folder(), 'kiosk')
    await provision(userData, { repository: server.url, root, siteId: 'north', kioskId: 'kiosk-7' })
    const k = createTestKiosk(userData, { now: clock.now })
    const status = async () =>
      JSON.parse(await readFile(join(userData, 'status', 'status.json'), 'utf8'))

    await k.fleet.checkNow()
    expect((await k.api.startScreenShown({ showing: null })).current).toBe('shipped')
    expect((await status()).lastSync).toMatchObject({ ok: true, decision: 'not-before' })

    clock.advance(2 * 3_600_000)
    await k.fleet.checkNow()
    expect((await k.api.startScreenShown({ showing: 'shipped' })).current).toBe('winter.no-site')
  })
})
