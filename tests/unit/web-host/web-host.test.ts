import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createKioskBackend } from '../../../electron/backend/create-kiosk-backend'
import { contentSecurityPolicy } from '../../../electron/shared/content-security-policy'
import { startWebHost, type WebHost } from '../../../electron/web-host/web-host'
import { createWebShell } from '../../../electron/web-host/web-shell'
import { fakePrinters } from '../backend/kiosk-fixture'
import { memoryLogger } from '../main/test-logger'
import { request } from './http-request'

let folder: string
let host: WebHost
let origin: string

async function start(): Promise<WebHost> {
  const log = memoryLogger()
  const backend = createKioskBackend({
    userDataDir: join(folder, 'user-data'),
    contentDir: 'content',
    shell: createWebShell(log),
    log,
    appInfo: { name: 'kiosk', version: 'test', packaged: false },
    printers: fakePrinters(),
    printerCheckIntervalMs: 0,
  })
  return startWebHost({
    invoke: backend.invoke,
    rendererDir: join(folder, 'renderer'),
    address: '127.0.0.1',
    port: 0,
    log,
  })
}

/** The page's cookie, as a browser keeps it after loading the kiosk. */
async function pageCookie(at: WebHost = host): Promise<string> {
  const page = await request(at.url)
  const setCookie = page.headers['set-cookie']?.[0] ?? ''
  return setCookie.split(';')[0]!
}

/** An API call as the kiosk's own page makes it, with parts replaced as a test needs. */
async function call(method: string, args: unknown[], headers: Record<string, string> = {}) {
  return request(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, cookie: await pageCookie(), ...headers },
    body: JSON.stringify(args),
  })
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kiosk-web-host-'))
  await mkdir(join(folder, 'renderer/assets'), { recursive: true })
  await writeFile(join(folder, 'renderer/index.html'), '<!doctype html><title>kiosk</title>')
  await writeFile(join(folder, 'renderer/assets/app.js'), 'console.log("kiosk")')
  host = await start()
  origin = host.url.replace(/\/$/, '')
})
afterEach(async () => {
  await host.close()
  await rm(folder, { recursive: true, force: true })
})

describe('the web host', () => {
  it('listens on 127.0.0.1 only, so no other computer can reach it', async () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' })
    const port = new URL(host.url).port
    const other = Object.values(networkInterfaces())
      .flat()
      .find((net) => net && net.family === 'IPv4' && !net.internal)
    // Every machine that runs these tests has a network interface besides loopback.
    expect(other).toBeDefined()
    await expect(request(`http://${other!.address}:${port}/`)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    })
  })

  it('serves the page and its files, with the kiosk policy as a header', async () => {
    const page = await request(host.url)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>kiosk</title>')
    expect(page.headers['content-security-policy']).toBe(
      `${contentSecurityPolicy}; frame-ancestors 'none'`,
    )
    const asset = await request(`${host.url}assets/app.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers['content-security-policy']).toBe(page.headers['content-security-policy'])
    expect((await request(`${host.url}assets/missing.js`)).status).toBe(404)
  })

  it('answers an API call from its own page', async () => {
    const answer = await call('getAppInfo', [])
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({
      result: { name: 'kiosk', version: 'test', platform: 'browser', packaged: false },
    })
  })

  it('refuses any request for another host name that points here (DNS rebinding)', async () => {
    const port = new URL(host.url).port
    const rebound = { host: `kiosk.attacker.example:${port}` }
    expect((await request(host.url, { headers: rebound })).status).toBe(421)
    expect((await call('getSettings', [], rebound)).status).toBe(421)
    expect((await request(host.url, { headers: { host: `localhost:${port}` } })).status).toBe(200)
  })

  it('refuses API calls with no Origin or another page’s Origin', async () => {
    const noOrigin = await request(`${host.url}api/getSettings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await pageCookie() },
      body: '[]',
    })
    expect(noOrigin.status).toBe(403)
    expect(noOrigin.json()).toEqual({ refused: 'untrusted-caller' })
    const foreign = await call('getSettings', [], { origin: 'http://attacker.example' })
    expect(foreign.status).toBe(403)
    const otherPort = await call('getSettings', [], { origin: 'http://127.0.0.1:1' })
    expect(otherPort.status).toBe(403)
  })

  it('sets a per-start secret as an HttpOnly, SameSite=Strict cookie and needs it on every call', async () => {
    const page = await request(host.url)
    expect(page.headers['set-cookie']?.[0]).toMatch(
      /^kiosk-key=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/$/,
    )
    expect((await call('getSettings', [], { cookie: '' })).status).toBe(403)
    expect((await call('getSettings', [], { cookie: 'kiosk-key=0123' })).status).toBe(403)
    const other = await start()
    try {
      expect((await call('getSettings', [], { cookie: await pageCookie(other) })).status).toBe(403)
    } finally {
      await other.close()
    }
  })

  it('takes JSON bodies only, of bounded size, larger only for a backup import', async () => {
    const form = await call('getSettings', [], { 'content-type': 'text/plain' })
    expect(form.status).toBe(415)
    const big = JSON.stringify([{ type: 'visit', padding: 'x'.repeat(70_000) }])
    const tooLarge = await request(`${host.url}api/recordUsage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie: await pageCookie() },
      body: big,
    })
    expect(tooLarge.status).toBe(413)
    const backup = await call('staffImportBackup', [{ text: 'x'.repeat(200_000) }])
    // Not refused for its size: refused because staff are not signed in.
    expect(backup.status).toBe(401)
    expect((await request(`${host.url}api/getSettings`)).status).toBe(405)
  })

  it('keeps the staff session in the host, behind the same PIN lockout', async () => {
    expect((await call('staffUsage', [{ days: 7 }])).json()).toEqual({
      refused: 'sign-in-required',
    })
    expect(
      (
        await call('completeSetup', [{ clinicName: 'Riverside Clinic', staffPin: '482615' }])
      ).json(),
    ).toEqual({ result: { ok: true } })
    expect(
      (await call('completeSetup', [{ clinicName: 'Again', staffPin: '739152' }])).status,
    ).toBe(409)
    expect((await call('staffSignIn', [{ pin: '482615' }])).json()).toEqual({
      result: { ok: true },
    })
    expect((await call('staffUsage', [{ days: 7 }])).status).toBe(200)
    await call('staffSignOut', [])
    for (let i = 0; i < 4; i++) await call('staffSignIn', [{ pin: '000000' }])
    const locked = await call('staffSignIn', [{ pin: '000000' }])
    expect(locked.json()).toMatchObject({ result: { ok: false, reason: 'locked' } })
    const right = await call('staffSignIn', [{ pin: '482615' }])
    expect(right.json()).toMatchObject({ result: { ok: false, reason: 'locked' } })
    expect((await call('staffUsage', [{ days: 7 }])).status).toBe(401)
  })

  it('refuses arguments that do not match the contract, before anything runs', async () => {
    const answer = await call('getContent', ['fr'])
    expect(answer.status).toBe(400)
    expect(answer.json()).toEqual({ refused: 'invalid-arguments' })
    expect((await call('noSuchMethod', [])).status).toBe(404)
  })

  it('tells the browser to clear what the visit left when a visit ends', async () => {
    const answer = await call('endVisit', [])
    expect(answer.headers['clear-site-data']).toBe('"cache", "storage"')
  })
})
