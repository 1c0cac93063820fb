import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createKioskBackend } from '../backend/create-kiosk-backend'
import {
  itCommandFrom,
  itCommandOptions,
  itCommandUsage,
  runItCommand,
} from '../backend/it-commands'
import { readNewPinFromTerminal } from '../backend/terminal-pin'
import { exitCodes } from '../shared/exit-codes'
import type { Logger } from '../shared/logger'
import pkg from '../../package.json'
import { startWebHost } from './web-host'
import { createWebShell } from './web-shell'

/** The app's folder: this file is built to out/main/web-host.js. */
const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

const usage = `Usage: npm run serve:web -- --user-data <folder> [--port <n>] [--address <ip>]
       npm run serve:web -- --user-data <folder> --setup <file.json> | --reset-staff-pin
  --user-data  where settings, the staff PIN, content changes and counts are kept (required)
  --port       the port to listen on (default 4173; 0 picks a free one)
  --address    listen on another address than 127.0.0.1 (not recommended: anyone who can
               reach it can use the kiosk's API)
  --content    the shipped content folder (default: content/ in the app)
  --renderer   the built page (default: out/renderer in the app)
${itCommandUsage}`

/** Logs go to stderr, so stdout carries only the one "ready" line scripts wait for. */
const log: Logger = {
  info: (...parts) => console.error(new Date().toISOString(), 'info', ...parts),
  warn: (...parts) => console.error(new Date().toISOString(), 'warn', ...parts),
  error: (...parts) => console.error(new Date().toISOString(), 'error', ...parts),
}

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`)
  process.exit(exitCodes.badInput)
}

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        'user-data': { type: 'string' },
        port: { type: 'string', default: '4173' },
        address: { type: 'string', default: '127.0.0.1' },
        content: { type: 'string', default: join(appRoot, 'content') },
        renderer: { type: 'string', default: join(appRoot, 'out/renderer') },
        help: { type: 'boolean', default: false },
        ...itCommandOptions,
      },
    }))
  } catch (error) {
    fail((error as Error).message)
  }
  if (values.help) {
    console.log(usage)
    return
  }
  const userData = values['user-data']
  if (!userData) fail('Say where the kiosk keeps its data with --user-data <folder>.')
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    fail(`"${values.port}" is not a port number.`)
  if (values.address !== '127.0.0.1') {
    log.warn(
      `listening on ${values.address}, not only on this computer: anyone who can reach this address can use the kiosk and try staff PINs`,
    )
  }

  const command = itCommandFrom(values)
  if (command && 'usage' in command) fail(command.usage)

  const backend = createKioskBackend({
    userDataDir: resolve(userData),
    contentDir: resolve(values.content),
    appInfo: { name: pkg.name, version: pkg.version, packaged: false },
    shell: createWebShell(log),
    log,
  })
  if (command) {
    process.exitCode = await runItCommand(
      command,
      backend.setup,
      {
        out: (line) => console.log(line),
        error: (line) => console.error(line),
        readNewPin: () => readNewPinFromTerminal(),
      },
      resolve(userData),
    )
    return
  }
  const host = await startWebHost({
    invoke: backend.invoke,
    rendererDir: resolve(values.renderer),
    address: values.address,
    port,
    log,
  })
  // Counts still in memory are written before systemd (or Ctrl+C) stops the host.
  const stop = (signal: string) => {
    log.info(`${signal}: saving counts and stopping`)
    void backend
      .flush()
      .catch((error: unknown) => log.error(`could not save the usage counts: ${error}`))
      .then(() => backend.close())
      .finally(() => host.close().then(() => process.exit(0)))
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
  console.log(`Kiosk ready at ${host.url}`)
}

main().catch((error: unknown) => {
  const { code, message } = error as NodeJS.ErrnoException
  console.error(
    code === 'EADDRINUSE'
      ? 'That port is already in use: another kiosk host may be running. Stop it, or choose another port with --port.'
      : `The kiosk's web host could not start: ${message}`,
  )
  process.exit(exitCodes.failed)
})
