import { access, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runFleet } from '../../../scripts/fleet'
import { passphraseVariable } from '../../../scripts/fleet/keys'
import { useTempFolder } from '../temp-folder'
import { editedContent, testPassphrase } from '../../fleet-support/fleet-fixture'

const folder = useTempFolder('kiosk-fleet-cli-')
let stderr: string[]
let stdout: string[]
beforeEach(() => {
  stderr = []
  stdout = []
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => stderr.push(String(text)) > 0)
  vi.spyOn(console, 'log').mockImplementation((...parts) => void stdout.push(parts.join(' ')))
  vi.stubEnv(passphraseVariable, testPassphrase)
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

describe('npm run fleet', () => {
  it('pack names a broken document by file, field and reason, and writes no pack', async () => {
    const content = await editedContent(folder(), 'A fine title')
    const file = join(content, 'es/sections/causes.yaml')
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^order: .*$/m, 'order: -3'))
    const out = join(folder(), 'pack.json')
    expect(await runFleet(['pack', content, '--out', out])).toBe(1)
    const report = stderr.join('')
    expect(report).toMatch(/content\/es\/sections\/causes\.yaml\s+order\s+invalid rule=too_small/)
    expect(report).toContain('No pack was written.')
    expect(await exists(out)).toBe(false)
  })

  it('pack refuses a page the app does not ship and a reading level above the limit', async () => {
    const content = await editedContent(folder(), 'A fine title')
    const whatIs = join(content, 'en/sections/what-is.yaml')
    const hard = (await readFile(whatIs, 'utf8')).replace(
      /^(\s+text: ).*$/gm,
      '$1Musculoskeletal hyperexcitability notwithstanding, paravertebral musculature demonstrates intermittent involuntary contractility necessitating multidisciplinary pharmacological intervention.',
    )
    await writeFile(whatIs, hard)
    for (const locale of ['en', 'es']) {
      const text = await readFile(join(content, locale, 'sections/causes.yaml'), 'utf8')
      await writeFile(
        join(content, locale, 'sections/extra.yaml'),
        text.replace(/^id: .*$/m, 'id: extra'),
      )
    }
    expect(await runFleet(['pack', content, '--out', join(folder(), 'p.json')])).toBe(1)
    expect(stderr.join('')).toMatch(
      /content\/en\/sections\/what-is\.yaml: section "what-is" is at Flesch-Kincaid grade/,
    )
  })

  it('init refuses to run without a passphrase, and writes no key in the clear', async () => {
    vi.stubEnv(passphraseVariable, '')
    await expect(
      runFleet(['init', join(folder(), 'repo'), '--keys', join(folder(), 'keys')]),
    ).rejects.toThrow(/Set KIOSK_FLEET_PASSPHRASE/)
    expect(await exists(join(folder(), 'keys', 'root.key.json'))).toBe(false)
  })

  it('init, publish, timestamp and rollback keep a standard TUF repository, timestamp written last', async () => {
    const content = await editedContent(folder(), 'Edited by the content team')
    const [repo, keys, pack] = [
      join(folder(), 'repo'),
      join(folder(), 'keys'),
      join(folder(), 'pack.json'),
    ]
    expect(
      await runFleet(['pack', content, '--out', pack, '--id', 'first', '--note', 'First']),
    ).toBe(0)
    expect(await runFleet(['init', repo, '--keys', keys])).toBe(0)
    expect(stdout.join('\n')).toContain(join(repo, 'metadata', '1.root.json'))
    for (const role of ['root', 'targets', 'snapshot', 'timestamp']) {
      const key = JSON.parse(await readFile(join(keys, `${role}.key.json`), 'utf8'))
      expect(key.privatePem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/)
    }
    const root = JSON.parse(await readFile(join(repo, 'metadata', '1.root.json'), 'utf8'))
    expect(root.signed.consistent_snapshot).toBe(true)
    const days = (iso: string) => Math.round((Date.parse(iso) - Date.now()) / 86_400_000)
    expect(days(root.signed.expires)).toBe(365)

    expect(
      await runFleet(['publish', repo, '--keys', keys, '--pack', pack, '--percent', '50']),
    ).toBe(0)
    const metadata = join(repo, 'metadata')
    const [targets, snapshot, timestamp] = await Promise.all(
      ['2.targets.json', '2.snapshot.json', 'timestamp.json'].map(async (name) => ({
        json: JSON.parse(await readFile(join(metadata, name), 'utf8')),
        mtime: (await stat(join(metadata, name))).mtimeMs,
      })),
    )
    expect(Object.keys(targets!.json.signed.targets).sort()).toEqual([
      'channels/stable.json',
      'packs/first.json',
    ])
    expect([
      days(targets!.json.signed.expires),
      days(snapshot!.json.signed.expires),
      days(timestamp!.json.signed.expires),
    ]).toEqual([180, 30, 7])
    expect(timestamp!.mtime).toBeGreaterThanOrEqual(snapshot!.mtime)
    expect(timestamp!.json.signed.meta['snapshot.json'].version).toBe(2)
    expect((await readdir(metadata)).filter((name) => name.endsWith('.tmp'))).toEqual([])

    expect(await runFleet(['timestamp', repo, '--keys', keys])).toBe(0)
    expect(
      JSON.parse(await readFile(join(metadata, 'timestamp.json'), 'utf8')).signed.version,
    ).toBe(3)

    await runFleet(['pack', content, '--out', pack, '--id', 'second'])
    await runFleet(['publish', repo, '--keys', keys, '--pack', pack])
    expect(await runFleet(['rollback', repo, '--keys', keys, '--to', 'first'])).toBe(0)
    const latest = JSON.parse(await readFile(join(metadata, '4.targets.json'), 'utf8'))
    const channel = latest.signed.targets['channels/stable.json']
    const pointer = JSON.parse(
      await readFile(
        join(repo, 'targets', 'channels', `${channel.hashes.sha256}.stable.json`),
        'utf8',
      ),
    )
    expect(pointer).toMatchObject({ packId: 'first', percent: 100 })
  })

  it('publish works without the root key, which stays offline', async () => {
    const content = await editedContent(folder(), 'Edited by the content team')
    const [repo, keys, pack] = [
      join(folder(), 'repo'),
      join(folder(), 'keys'),
      join(folder(), 'pack.json'),
    ]
    await runFleet(['pack', content, '--out', pack])
    await runFleet(['init', repo, '--keys', keys])
    const { rm } = await import('node:fs/promises')
    await rm(join(keys, 'root.key.json'))
    expect(await runFleet(['publish', repo, '--keys', keys, '--pack', pack])).toBe(0)
  })
})
