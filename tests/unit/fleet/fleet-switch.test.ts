import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestKiosk, useUserDataFolder } from '../backend/kiosk-fixture'
import {
  manualTimers,
  readStatus,
  servedRepository,
  showStartScreen,
  shownTitle,
  writePack,
} from '../../fleet-support/fleet-fixture'

const folder = useUserDataFolder('kiosk-fleet-switch-')
let repository: Awaited<ReturnType<typeof servedRepository>>
let userData: string

beforeEach(async () => {
  repository = await servedRepository(folder())
  userData = repository.userData
})
afterEach(() => repository.server.close())

/** Not the 60 s of the health timer, so the test can fire the one it means. */
const startScreenTimeoutMs = 45_000

const startKiosk = (timers = manualTimers()) => ({
  kiosk: createTestKiosk(userData, { fleet: { timers, startScreenTimeoutMs } }),
  timers,
})
const title = (kiosk: ReturnType<typeof createTestKiosk>) => shownTitle(kiosk.api)
const status = () => readStatus(userData)

async function publishAndShow(kiosk: ReturnType<typeof createTestKiosk>, id: string) {
  await repository.publishPack(await writePack(folder(), { id, title: `Title ${id}` }))
  await kiosk.fleet.checkNow()
  await showStartScreen(kiosk.api)
  expect(await title(kiosk)).toBe(`Title ${id}`)
}

describe('switching packs', () => {
  it('never switches during a visit: only when the start screen says so', async () => {
    const { kiosk } = startKiosk()
    await repository.publishPack(await writePack(folder(), { id: 'april', title: 'Title april' }))
    await kiosk.api.recordUsage({ type: 'visit' })
    await kiosk.fleet.checkNow()
    for (let i = 0; i < 3; i++) await kiosk.api.getContent('en')
    expect(await title(kiosk)).toBe('What is a back spasm?')
    await kiosk.api.startScreenShown({ showing: 'shipped' })
    expect(await title(kiosk)).toBe('Title april')
  })

  it('a crash between staging and the switch leaves the old pack active after restart', async () => {
    const { kiosk } = startKiosk()
    await publishAndShow(kiosk, 'may')
    await repository.publishPack(await writePack(folder(), { id: 'june', title: 'Title june' }))
    await kiosk.fleet.checkNow()
    expect((await status()).staged).toBe('june')
    // The app dies here; a new backend on the same folder is the restarted app.
    const { kiosk: restarted } = startKiosk()
    await restarted.fleet.ready
    expect(await title(restarted)).toBe('Title may')
    expect((await status()).pack.id).toBe('may')
    // The staged pack is still there, and applies at the first start screen.
    const { current } = await restarted.api.startScreenShown({ showing: null })
    expect(current).toBe('june.no-site')
  })

  it('goes back when the start screen is not shown within the time limit of a switch', async () => {
    const { kiosk, timers } = startKiosk()
    await publishAndShow(kiosk, 'good')
    await repository.publishPack(await writePack(folder(), { id: 'broken', title: 'Title broken' }))
    await kiosk.fleet.checkNow()
    expect((await kiosk.api.startScreenShown({ showing: 'good.no-site' })).current).toBe(
      'broken.no-site',
    )
    // The page never reports the start screen with the new pack.
    expect(timers.fire(startScreenTimeoutMs)).toBe(1)
    await kiosk.fleet.ready
    await expect.poll(() => title(kiosk)).toBe('Title good')
    // The status file is written just after the content is back.
    await expect
      .poll(async () => (await status()).rolledBack)
      .toMatchObject({ packId: 'broken', reason: 'start-screen-timeout' })
    // The bad pack is not taken again while the channel still points at it.
    await kiosk.fleet.checkNow()
    expect((await kiosk.api.startScreenShown({ showing: 'good.no-site' })).current).toBe(
      'good.no-site',
    )
    expect((await status()).lastSync).toMatchObject({ ok: true, decision: 'rolled-back' })
  })

  it('a pack confirmed on the start screen is kept', async () => {
    const { kiosk, timers } = startKiosk()
    await publishAndShow(kiosk, 'fine')
    expect(timers.fire(startScreenTimeoutMs)).toBe(0)
    expect((await status()).rolledBack).toBeNull()
  })

  it('goes back after the app crash-loops three times after a switch', async () => {
    const { kiosk } = startKiosk()
    await publishAndShow(kiosk, 'steady')
    await repository.publishPack(await writePack(folder(), { id: 'crashy', title: 'Title crashy' }))
    await kiosk.fleet.checkNow()
    await kiosk.api.startScreenShown({ showing: 'steady.no-site' })
    for (let boot = 1; boot <= 3; boot++) await startKiosk().kiosk.fleet.ready
    const { kiosk: last } = startKiosk()
    await last.fleet.ready
    expect(await title(last)).toBe('Title steady')
    expect((await status()).rolledBack).toMatchObject({ packId: 'crashy', reason: 'crash-loop' })
  })

  it('keeps the active release and the two before it on disk', async () => {
    const { kiosk } = startKiosk()
    for (const id of ['one', 'two', 'three', 'four', 'five']) await publishAndShow(kiosk, id)
    const kept = (await readdir(join(userData, 'fleet', 'releases'))).sort()
    expect(kept).toEqual(['five.no-site', 'four.no-site', 'three.no-site'])
  })

  it('a corrupt cached root is re-seeded from the provisioned root', async () => {
    const { kiosk } = startKiosk()
    await publishAndShow(kiosk, 'rooted')
    await writeFile(join(userData, 'fleet', 'tuf', 'metadata', 'root.json'), '{"signed": {')
    await kiosk.fleet.checkNow()
    expect((await status()).lastSync).toMatchObject({ ok: true })
  })
})
