import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { z } from 'zod'
import { resolveAppPaths } from '../../electron/main/paths'
import { exitCodes } from '../../electron/shared/exit-codes'

/*
 * Packaging cannot run here (electron-builder downloads Electron), so this checks the
 * packaging config and the deployment guide for what the app and clinic IT rely on.
 */

const root = resolve(import.meta.dirname, '../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

const fileSet = z.union([z.string(), z.object({ from: z.string(), to: z.string().optional() })])
const targets = z.array(z.union([z.string(), z.object({ target: z.string() })]))
const builderSchema = z.object({
  appId: z.string(),
  productName: z.string(),
  directories: z.object({ output: z.string() }),
  files: z.array(z.string()),
  asar: z.boolean().optional(),
  extraResources: z.array(fileSet),
  extraMetadata: z.record(z.string(), z.unknown()).optional(),
  linux: z.object({
    target: targets,
    executableName: z.string(),
    icon: z.string(),
    category: z.string(),
    maintainer: z.string().min(1),
    synopsis: z.string().min(1),
  }),
  win: z.object({ target: targets, icon: z.string() }),
  deb: z.object({ recommends: z.array(z.string()) }),
  electronFuses: z.record(z.string(), z.boolean()),
  nsis: z.object({
    oneClick: z.boolean(),
    perMachine: z.boolean(),
    allowToChangeInstallationDirectory: z.boolean(),
  }),
})
const config = builderSchema.parse(parse(read('electron-builder.yml')))
const pkg = z
  .object({
    name: z.string(),
    main: z.string(),
    productName: z.string().optional(),
    dependencies: z.record(z.string(), z.string()),
  })
  .parse(JSON.parse(read('package.json')))

const targetNames = (list: z.infer<typeof targets>) =>
  list.map((entry) => (typeof entry === 'string' ? entry : entry.target))

/** Where the .deb installs the binary: /opt/<productName>/<linux.executableName>. */
const installedBinary = `/opt/${config.productName}/${config.linux.executableName}`

describe('electron-builder.yml', () => {
  it('names the app as IT will see it', () => {
    expect(config.appId).toBe('org.backspasmkiosk.app')
    expect(config.productName).toBe('Back Spasm Kiosk')
    expect(config.directories.output).toBe('release')
  })

  it('packs the built app and nothing else into the archive', () => {
    expect(config.files).toEqual(['out/**', 'package.json'])
    expect(pkg.main.startsWith('out/')).toBe(true)
    expect(config.asar ?? true).toBe(true)
  })

  it('ships content outside the archive, where the packaged app reads it', () => {
    const entries = config.extraResources.map((entry) =>
      typeof entry === 'string' ? { from: entry, to: entry } : entry,
    )
    const content = entries.find((entry) => entry.from.replace(/\/$/, '') === 'content')
    expect(content).toBeDefined()
    const resourcesPath = '/opt/Back Spasm Kiosk/resources'
    const { contentDir } = resolveAppPaths({
      mainDir: '/unused/out/main',
      appPath: '/unused',
      resourcesPath,
      packaged: true,
    })
    expect(join(resourcesPath, content?.to ?? content?.from ?? '')).toBe(contentDir)
    expect(existsSync(join(root, 'content/en/site.yaml'))).toBe(true)
    expect(existsSync(join(root, 'content/es/site.yaml'))).toBe(true)
  })

  it('keeps the user-data folder the guide names (~/.config/back-spasm-kiosk)', () => {
    // Electron names that folder after productName in package.json if there is one, else name.
    expect(pkg.name).toBe('back-spasm-kiosk')
    expect(pkg.productName).toBeUndefined()
    expect(config.extraMetadata?.['productName']).toBeUndefined()
    expect(config.extraMetadata?.['name']).toBeUndefined()
  })

  it('builds an AppImage and a .deb for Linux and an assisted per-machine installer for Windows', () => {
    expect(targetNames(config.linux.target)).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(['Education', 'MedicalSoftware']).toContain(config.linux.category)
    expect(config.linux.executableName).toMatch(/^[a-z0-9-]+$/)
    expect(targetNames(config.win.target)).toEqual(['nsis'])
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: true,
    })
  })

  it('flips the fuses a kiosk must not have: no plain Node, no NODE_OPTIONS or --inspect, app.asar only', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('recommends the speech packages with the .deb, so Read aloud has a voice on Linux', () => {
    expect(config.deb.recommends).toEqual(
      expect.arrayContaining(['speech-dispatcher', 'espeak-ng', 'speech-dispatcher-espeak-ng']),
    )
  })

  it("ships only what the main process needs: the renderer's packages are bundled into out/renderer", () => {
    const mainSources = readdirSync(join(root, 'electron'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => read(join('electron', file)))
      .join('\n')
    const imported = (name: string) =>
      new RegExp(`from '${name.replace('/', '\\/')}(?:/[^']*)?'`).test(mainSources)
    // electron-builder packs `dependencies` into app.asar, so each must be one main imports.
    for (const name of Object.keys(pkg.dependencies)) expect(imported(name), name).toBe(true)
    for (const name of ['vue', 'pinia', 'vue-router', 'vue-i18n', 'qrcode', 'simple-keyboard'])
      expect(pkg.dependencies, name).not.toHaveProperty(name)
  })

  it('points at an icon that exists and is a PNG of at least 256 x 256 pixels', () => {
    for (const icon of [config.linux.icon, config.win.icon]) {
      const file = join(root, icon)
      expect(statSync(file).isFile()).toBe(true)
      const bytes = readFileSync(file)
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')
      expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(256)
      expect(bytes.readUInt32BE(20)).toBeGreaterThanOrEqual(256)
    }
  })
})

/** Reads a systemd unit into section -> key -> values (keys may repeat). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>()
  let current: Map<string, string[]> | undefined
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[(.+)\]$/.exec(line)
    if (header) {
      current = new Map()
      sections.set(header[1]!, current)
      continue
    }
    const eq = line.indexOf('=')
    if (!current || eq < 1) throw new Error(`not a unit-file line: ${line}`)
    const key = line.slice(0, eq)
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1)])
  }
  return sections
}

describe('the systemd unit in docs/', () => {
  const unitText = read('docs/systemd/back-spasm-kiosk.service')
  const unit = parseUnit(unitText)
  const value = (section: string, key: string) => unit.get(section)?.get(key) ?? []

  it('starts the binary the .deb installs, telling it systemd restarts it', () => {
    const [execStart] = value('Service', 'ExecStart')
    // systemd takes the quoted path as one word, spaces and all.
    expect(execStart).toBe(`"${installedBinary}" --supervised`)
    expect(value('Service', 'ExecStart')).toHaveLength(1)
  })

  it("leaves the kiosk closed after staff's Exit, and restarts it after everything else", () => {
    expect(value('Service', 'RestartPreventExitStatus')).toEqual([String(exitCodes.staffExit)])
    expect(exitCodes.staffRestart).not.toBe(exitCodes.staffExit)
  })

  it('restarts the kiosk five seconds after it stops, however often', () => {
    expect(value('Service', 'Restart')).toEqual(['always'])
    expect(value('Service', 'RestartSec')).toEqual(['5'])
    expect(value('Unit', 'StartLimitIntervalSec')).toEqual(['0'])
  })

  it('runs in the graphical session', () => {
    expect(value('Unit', 'After')).toContain('graphical-session.target')
    expect(value('Install', 'WantedBy')).toEqual(['graphical-session.target'])
  })

  it('is the same unit the deployment guide shows', () => {
    const guide = read('docs/deployment.md')
    const blocks = [...guide.matchAll(/^( *)```ini\n([\s\S]*?)^\1```$/gm)].map(([, indent, body]) =>
      body!
        .split('\n')
        .map((line) => line.slice(indent!.length))
        .join('\n'),
    )
    expect(blocks).toContain(unitText)
  })
})

describe('docs/deployment.md', () => {
  const guide = read('docs/deployment.md')

  it('tells IT how to enable the unit and keep it running without a login', () => {
    expect(guide).toContain('systemctl --user enable --now back-spasm-kiosk.service')
    expect(guide).toContain('loginctl enable-linger kiosk')
    expect(guide).toContain('AutomaticLogin=kiosk')
  })

  it('names the folders the packaged app really uses', () => {
    expect(guide).toContain(`/opt/${config.productName}/resources/content/`)
    expect(guide).toContain(`C:\\Program Files\\${config.productName}\\resources\\content\\`)
    expect(guide).toContain(`~/.config/${pkg.name}/`)
    expect(guide).toContain(`%APPDATA%\\${pkg.name}\\`)
    expect(guide).toContain('logs/kiosk.log')
    expect(guide).toContain('npm run content:check')
    expect(guide).toContain('npm run dist')
  })
})
