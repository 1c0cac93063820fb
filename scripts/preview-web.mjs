// `npm run preview:web`: the built kiosk in any browser on this computer, with a user-data
// folder kept between runs (so a staff PIN chosen here survives a restart of the host).
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'

const userData = resolve('.preview/user-data')
mkdirSync(userData, { recursive: true })
console.log(`Kiosk data (settings, staff PIN, content changes) in ${userData}`)
const host = spawn(
  process.execPath,
  ['out/main/web-host.js', '--port', process.env.PORT ?? '4173', '--user-data', userData],
  { stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal))
host.on('exit', (code) => process.exit(code ?? 0))
