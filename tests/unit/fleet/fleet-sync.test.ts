import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestKiosk, useUserDataFolder } from '../backend/kiosk-fixture'
import {
  makeRepository,
  provision,
  readStatus,
  servedRepository,
  showStartScreen,
  shownTitle,
  writePack,
} from '../../fleet-support/fleet-fixture'
import type { StaticServer } from '../../fleet-support/static-server'

const folder = useUserDataFolder('kiosk-fleet-sync-')
let server: StaticServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

describe('a kiosk provisioned with fleet.json', () => {
  it('takes a published pack over HTTP within one check, switching on the start screen', async () => {
    const served = await servedRepository(folder())
    server = served.server
    await served.publishPack(
      await writePack(folder(), { id: 'spring', title: 'Spring edition title' }),
    )
    const kiosk = createTestKiosk(served.userData)

    await kiosk.fleet.checkNow()
    // Downloaded and checked, but not shown until no visitor is using the kiosk.
    expect(await shownTitle(kiosk.api)).toBe('What is a back spasm?')
    expect((await readStatus(served.userData)).staged).toBe('spring')

    expect(await showStartScreen(kiosk.api)).toBe('spring.no-site')
    expect(await shownTitle(kiosk.api)).toBe('Spring edition title')
    const status = await readStatus(served.userData)
    expect(status).toMatchObject({
      kioskId: 'kiosk-1',
      siteId: 'north',
      pack: { id: 'spring', version: 2 },
      lastSync: { ok: true, reason: null },
      printer: { ok: true },
    })
    expect(status.uptimeSeconds).toBeGreaterThanOrEqual(0)
  })

  it('takes the same pack from a folder (an SMB share)', async () => {
    const { repo, root, publishPack } = await makeRepository(folder())
    await publishPack(await writePack(folder(), { id: 'share', title: 'From the share' }))
    const userData = join(folder(), 'kiosk')
    await provision(userData, { repository: repo, root, siteId: 'north', kioskId: 'kiosk-1' })
    const kiosk = createTestKiosk(userData)
    await kiosk.fleet.checkNow()
    await showStartScreen(kiosk.api)
    expect(await shownTitle(kiosk.api)).toBe('From the share')
    expect((await readStatus(userData)).pack.id).toBe('share')
  })
})
