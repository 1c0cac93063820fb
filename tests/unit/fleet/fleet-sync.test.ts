import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestKiosk, useUserDataFolder } from '../backend/kiosk-fixture'
import { makeRepository, provision, writePack } from '../../fleet-support/fleet-fixture'
import { startStaticServer, type StaticServer } from '../../fleet-support/static-server'

const folder = useUserDataFolder('kiosk-fleet-sync-')
let server: StaticServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const whatIsTitle = async (kiosk: ReturnType<typeof createTestKiosk>) =>
  (await kiosk.api.getContent('en')).content.sections.find((s) => s.id === 'what-is')?.title

const statusJson = async (userData: string) =>
  JSON.parse(await readFile(join(userData, 'status', 'status.json'), 'utf8'))

/** The kiosk page on its start screen: it says what it shows, reloads when told, says so again. */
async function showStartScreen(
  kiosk: ReturnType<typeof createTestKiosk>,
  showing: string | null = null,
) {
  const { current } = await kiosk.api.startScreenShown({ showing })
  if (current !== showing) await kiosk.api.startScreenShown({ showing: current })
  return current
}

describe('a kiosk provisioned with fleet.json', () => {
  it('takes a published pack over HTTP within one check, switching on the start screen', async () => {
    const { repo, root, publishPack } = await makeRepository(folder())
    await publishPack(await writePack(folder(), { id: 'spring', title: 'Spring edition title' }))
    server = await startStaticServer(repo)
    const userData = join(folder(), 'kiosk')
    await provision(userData, { repository: server.url, root, siteId: 'north', kioskId: 'kiosk-1' })
    const kiosk = createTestKiosk(userData)

    await kiosk.fleet.checkNow()
    // Downloaded and checked, but not shown until no visitor is using the kiosk.
    expect(await whatIsTitle(kiosk)).toBe('What is a back spasm?')
    expect((await statusJson(userData)).staged).toBe('spring')

    expect(await showStartScreen(kiosk)).toBe('spring.no-site')
    expect(await whatIsTitle(kiosk)).toBe('Spring edition title')
    const status = await statusJson(userData)
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
    await showStartScreen(kiosk)
    expect(await whatIsTitle(kiosk)).toBe('From the share')
    expect((await statusJson(userData)).pack.id).toBe('share')
  })
})
