import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Metadata, MetadataKind } from '@tufjs/models'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createKey } from '../../../scripts/fleet/keys'
import { renewTimestamp } from '../../../scripts/fleet/repository'
import { createTestKiosk, useUserDataFolder } from '../backend/kiosk-fixture'
import {
  readStatus,
  servedRepository,
  showStartScreen,
  shownTitle,
  testPassphrase,
  writePack,
} from '../../fleet-support/fleet-fixture'

const folder = useUserDataFolder('kiosk-fleet-attack-')
let repository: Awaited<ReturnType<typeof servedRepository>>
let kiosk: ReturnType<typeof createTestKiosk>

const metadataFile = (name: string) => join(repository.repo, 'metadata', name)

/** A kiosk showing pack "first", then the content team publishes "second". */
beforeEach(async () => {
  repository = await servedRepository(folder())
  await repository.publishPack(await writePack(folder(), { id: 'first', title: 'First pack' }))
  kiosk = createTestKiosk(repository.userData, { fleet: { requestTimeoutMs: 500 } })
  await kiosk.fleet.checkNow()
  await showStartScreen(kiosk.api)
  expect(await shownTitle(kiosk.api)).toBe('First pack')
})
afterEach(() => repository.server.close())

async function publishSecond() {
  return repository.publishPack(await writePack(folder(), { id: 'second', title: 'Second pack' }))
}

/** After the attack the kiosk checks again and reaches the start screen: nothing changes. */
async function expectRefused(reason: string, shown: 'first' | 'second' = 'first') {
  await kiosk.fleet.checkNow()
  const { current } = await kiosk.api.startScreenShown({ showing: `${shown}.no-site` })
  expect(current).toBe(`${shown}.no-site`)
  expect(await shownTitle(kiosk.api)).toBe(shown === 'first' ? 'First pack' : 'Second pack')
  const status = await readStatus(repository.userData)
  expect(status.pack.id).toBe(shown)
  expect(status.lastSync).toMatchObject({ ok: false, reason })
}

describe('a hostile or broken repository host', () => {
  it('a tampered pack file is refused by its signed hash', async () => {
    await publishSecond()
    const packs = join(repository.repo, 'targets', 'packs')
    const stored = (await readdir(packs)).find((name) => name.endsWith('.second.json'))!
    const text = await readFile(join(packs, stored), 'utf8')
    await writeFile(join(packs, stored), text.replace('Second pack', 'Evil pack!!'))
    await expectRefused('hash-mismatch')
  })

  it('metadata signed with a key the root does not trust is refused', async () => {
    await publishSecond()
    const wrongKey = await createKey(
      await mkdtemp(join(tmpdir(), 'wrong-key-')),
      'timestamp',
      testPassphrase,
    )
    const timestamp = Metadata.fromJSON(
      MetadataKind.Timestamp,
      JSON.parse(await readFile(metadataFile('timestamp.json'), 'utf8')),
    )
    timestamp.signatures = {}
    timestamp.sign(wrongKey.sign)
    await writeFile(metadataFile('timestamp.json'), JSON.stringify(timestamp.toJSON()))
    await expectRefused('bad-signature')
  })

  it('an older timestamp.json (a rollback attack) is refused', async () => {
    const old = await readFile(metadataFile('timestamp.json'))
    await publishSecond()
    await kiosk.fleet.checkNow()
    await showStartScreen(kiosk.api, 'first.no-site')
    // The attacker replays the release that pointed at the first pack.
    await writeFile(metadataFile('timestamp.json'), old)
    await expectRefused('older-version', 'second')
  })

  it('an expired timestamp (a freeze attack) is refused', async () => {
    await renewTimestamp({
      repo: repository.repo,
      keysDir: repository.keys,
      passphrase: testPassphrase,
      now: new Date(Date.now() - 8 * 86_400_000),
    })
    await expectRefused('expired')
  })

  it('snapshot and targets from different releases (mix-and-match) are refused', async () => {
    const { targets } = await publishSecond()
    await writeFile(
      metadataFile(`${targets}.targets.json`),
      await readFile(metadataFile(`${targets - 1}.targets.json`)),
    )
    await expectRefused('mix-and-match')
  })

  it('a 10 MB timestamp.json is refused without reading it all', async () => {
    let sent = 0
    repository.server.routes.set('/metadata/timestamp.json', (_request, response) => {
      response.writeHead(200)
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      const more = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length
          if (!response.write(chunk)) return response.once('drain', more)
        }
        response.end()
      }
      more()
    })
    await expectRefused('too-large')
    expect(sent).toBeLessThan(10 * 1024 * 1024)
  })

  it('garbage instead of JSON is refused', async () => {
    repository.server.routes.set('/metadata/timestamp.json', (_request, response) =>
      response.end('{"signed": nonsense'),
    )
    await expectRefused('garbage')
  })

  it('an HTTP 500 is reported', async () => {
    repository.server.routes.set('/metadata/timestamp.json', (_request, response) =>
      response.writeHead(500).end(),
    )
    await expectRefused('http-error')
  })

  it('a refused connection is reported as offline', async () => {
    await repository.server.close()
    await expectRefused('offline')
  })

  it('a server that stalls is given up on after the time limit', async () => {
    repository.server.routes.set('/metadata/timestamp.json', (_request, response) => {
      response.writeHead(200, { 'content-length': 400 })
      response.write('{"signed":')
    })
    await expectRefused('timeout')
  })
})
