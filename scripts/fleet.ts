/**
 * The content team's publisher: content packs, and the signed TUF repository kiosks pull from.
 * The whole workflow, with the key ceremony: docs/fleet.md.
 *
 *   npm run fleet -- pack <content-dir> --out <pack.json> [--settings <file>] [--note <text>] [--id <id>] [--lock <page>]…
 *   npm run fleet -- init <repo-dir> --keys <keys-dir>
 *   npm run fleet -- publish <repo-dir> --keys <keys-dir> --pack <pack.json> [--channel pilot|stable]
 *        [--percent N] [--not-before <ISO time>] [--min-app-version <x.y.z>] [--site <id> --overrides <backup.json>]
 *   npm run fleet -- timestamp <repo-dir> --keys <keys-dir>
 *   npm run fleet -- rollback <repo-dir> --keys <keys-dir> --to <pack-id> [--channel pilot|stable]
 */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { fleetChannelSchema } from '../electron/shared/fleet-config'
import pkg from '../package.json'
import { FleetError, passphrase } from './fleet/keys'
import { makePack } from './fleet/make-pack'
import { publish, rollback } from './fleet/publish'
import { expiryDays, initRepository, renewTimestamp } from './fleet/repository'

const shippedDir = fileURLToPath(new URL('../content', import.meta.url))
const usage = `Usage: npm run fleet -- <pack|init|publish|timestamp|rollback> … (see docs/fleet.md)`

function required(value: string | undefined, what: string): string {
  if (!value) throw new FleetError(`Missing ${what}.\n${usage}`)
  return value
}

function percentOf(text: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0 || value > 100)
    throw new FleetError(`--percent must be a whole number from 0 to 100, not "${text}".`)
  return value
}

function isoTime(text: string | undefined): string | null {
  if (text === undefined) return null
  const at = new Date(text)
  if (Number.isNaN(at.getTime()))
    throw new FleetError(
      `--not-before must be a date and time such as 2026-12-01T06:00:00Z, not "${text}".`,
    )
  return at.toISOString()
}

export async function runFleet(argv: string[], now = new Date()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      settings: { type: 'string' },
      note: { type: 'string', default: '' },
      id: { type: 'string' },
      lock: { type: 'string', multiple: true, default: [] },
      keys: { type: 'string' },
      pack: { type: 'string' },
      channel: { type: 'string', default: 'stable' },
      percent: { type: 'string', default: '100' },
      'not-before': { type: 'string' },
      'min-app-version': { type: 'string' },
      site: { type: 'string' },
      overrides: { type: 'string' },
      to: { type: 'string' },
    },
  })
  const [verb, dir] = positionals
  const channel = fleetChannelSchema.safeParse(values.channel)
  if (!channel.success)
    throw new FleetError(`--channel must be pilot or stable, not "${values.channel}".`)
  switch (verb) {
    case 'pack': {
      const out = required(values.out, '--out <pack.json>')
      const result = await makePack({
        contentDir: required(dir, 'the content folder'),
        shippedDir,
        settingsFile: values.settings,
        note: values.note,
        packId: values.id,
        locks: values.lock,
        appVersion: pkg.version,
        now,
      })
      if (!result.ok) {
        process.stderr.write(`${result.report}\nNo pack was written.\n`)
        return 1
      }
      await writeFile(out, result.text)
      console.log(
        `Pack ${result.pack.packId} written to ${out} (${Object.keys(result.pack.overrides).length} pages, ${result.pack.locks.length} locked).`,
      )
      return 0
    }
    case 'init': {
      const { rootFile } = await initRepository({
        repo: required(dir, 'the repository folder'),
        keysDir: required(values.keys, '--keys <keys-dir>'),
        passphrase: passphrase(),
        now,
      })
      console.log(`Repository made. Provision kiosks with the root metadata in ${rootFile}`)
      console.log('Now move root.key.json to the offline key drive (docs/fleet.md, key ceremony).')
      return 0
    }
    case 'publish': {
      const site = values.site
        ? {
            id: values.site,
            overridesFile: required(values.overrides, '--overrides <backup.json> for --site'),
          }
        : undefined
      const done = await publish({
        repo: required(dir, 'the repository folder'),
        keysDir: required(values.keys, '--keys <keys-dir>'),
        passphrase: passphrase(),
        packFile: values.pack,
        channel: channel.data,
        percent: percentOf(values.percent),
        notBefore: isoTime(values['not-before']),
        minAppVersion: values['min-app-version'],
        site,
        now,
      })
      console.log(
        `Published${done.packId ? ` ${done.packId} to ${channel.data}` : ''}${site ? ` overrides for site ${site.id}` : ''}: targets v${done.targets}, snapshot v${done.snapshot}, timestamp v${done.timestamp}.`,
      )
      return 0
    }
    case 'timestamp': {
      const done = await renewTimestamp({
        repo: required(dir, 'the repository folder'),
        keysDir: required(values.keys, '--keys <keys-dir>'),
        passphrase: passphrase(),
        now,
      })
      console.log(
        `Timestamp v${done.timestamp}, valid until ${done.expires} (${expiryDays.timestamp} days): run this daily.`,
      )
      return 0
    }
    case 'rollback': {
      const done = await rollback({
        repo: required(dir, 'the repository folder'),
        keysDir: required(values.keys, '--keys <keys-dir>'),
        passphrase: passphrase(),
        packId: required(values.to, '--to <pack-id>'),
        channel: channel.data,
        now,
      })
      console.log(
        `${channel.data} points at ${values.to} again: targets v${done.targets}, timestamp v${done.timestamp}.`,
      )
      return 0
    }
    default:
      throw new FleetError(usage)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runFleet(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      console.error(
        error instanceof FleetError ||
          (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
          ? (error as Error).message
          : error,
      )
      process.exitCode = 2
    },
  )
}
