import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import parsePrometheusTextFormat from 'parse-prometheus-text-format'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWebShell } from '../../../electron/web-host/web-shell'
import { createTestKiosk, fakePrinters, useUserDataFolder } from '../backend/kiosk-fixture'
import { memoryLogger } from '../main/test-logger'
import type { FleetConfigInput } from '../../../electron/shared/fleet-config'
import {
  readStatus,
  servedRepository,
  showStartScreen,
  writePack,
} from '../../fleet-support/fleet-fixture'

const folder = useUserDataFolder('kiosk-fleet-health-')
const closing: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closing.splice(0)) await close()
})

/** An OpenTelemetry Collector stand-in on 127.0.0.1: keeps what is posted to /v1/metrics. */
async function startCapture() {
  const posts: { headers: Record<string, unknown>; body: unknown }[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      if (request.url === '/v1/metrics')
        posts.push({
          headers: request.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        })
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  closing.push(() => new Promise((done) => server.close(() => done())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/metrics`, posts }
}

async function fleetKiosk(
  extra: Partial<FleetConfigInput> = {},
  kioskOptions: Parameters<typeof createTestKiosk>[1] = {},
) {
  const served = await servedRepository(folder(), { kioskId: 'kiosk-42', ...extra })
  await served.publishPack(await writePack(folder(), { id: 'healthy', title: 'Healthy title' }))
  closing.push(served.server.close)
  return {
    kiosk: createTestKiosk(served.userData, kioskOptions),
    userData: served.userData,
    server: served.server,
  }
}

describe('fleet health', () => {
  it('kiosk.prom parses as Prometheus text and carries the listed metrics, nothing about visitors', async () => {
    const { kiosk, userData, server } = await fleetKiosk()
    await kiosk.fleet.checkNow()
    await showStartScreen(kiosk.api)
    await kiosk.api.heartbeat()
    await kiosk.api.recordUsage({ type: 'visit' })
    await kiosk.api.recordUsage({ type: 'section-view', sectionId: 'what-is', seconds: 30 })
    await kiosk.api.recordUsage({ type: 'idle-reset' })
    await kiosk.api.printSheet({ sheetId: 'prevention', locale: 'en' })
    kiosk.rendererGone('crash')
    server.routes.set('/metadata/timestamp.json', (_q, response) => response.writeHead(503).end())
    await kiosk.fleet.checkNow()

    const text = await readFile(join(userData, 'status', 'kiosk.prom'), 'utf8')
    const families = parsePrometheusTextFormat(text)
    const family = (name: string) => families.find((f) => f.name === name)
    const value = (name: string, labels: Record<string, string> = {}) =>
      Number(
        family(name)?.metrics.find((m) =>
          Object.entries(labels).every(([k, v]) => m.labels?.[k] === v),
        )?.value,
      )

    expect(value('kiosk_visits_total')).toBe(1)
    expect(value('kiosk_idle_resets_total')).toBe(1)
    expect(value('kiosk_prints_total', { outcome: 'success' })).toBe(1)
    expect(value('kiosk_renderer_crashes_total')).toBe(1)
    expect(value('kiosk_renderer_hangs_total')).toBe(0)
    expect(value('kiosk_sync_failures_total', { reason: 'http-error' })).toBe(1)
    expect(value('kiosk_pack_info', { pack_id: 'healthy' })).toBe(1)
    expect(value('kiosk_pack_info', { pack_id: 'shipped' })).toBe(0)
    for (const name of [
      'kiosk_heartbeat_timestamp_seconds',
      'kiosk_pack_applied_timestamp_seconds',
      'kiosk_sync_last_success_timestamp_seconds',
      'kiosk_uptime_seconds',
    ])
      expect(value(name), name).toBeGreaterThanOrEqual(0)
    expect(
      value('kiosk_metadata_expiry_timestamp_seconds', { role: 'timestamp' }) * 1000,
    ).toBeGreaterThan(Date.now())
    expect(text).not.toMatch(/what-is|section|language|prevention/)

    const status = await readStatus(userData)
    expect(status).toMatchObject({
      kioskId: 'kiosk-42',
      pack: { id: 'healthy' },
      lastSync: { ok: false, reason: 'http-error' },
    })
    expect(Object.keys(status).sort()).toEqual(
      [
        'appVersion',
        'channel',
        'heartbeatAt',
        'kioskId',
        'lastSuccessAt',
        'lastSync',
        'metadataExpires',
        'nextCheckAt',
        'pack',
        'printer',
        'printerHealth',
        'rolledBack',
        'siteId',
        'staged',
        'uptimeSeconds',
        'writtenAt',
      ].sort(),
    )
  })

  it('reports the printer as it says it is over IPP, at once when it stops and when it starts again', async () => {
    // A web host prints to the system's default queue, so that is the printer it watches.
    const printers = fakePrinters('KioskPDF')
    const { kiosk, userData } = await fleetKiosk(
      {},
      { printers, shell: createWebShell(memoryLogger()) },
    )
    await kiosk.fleet.checkNow()
    const printerUp = async () => {
      const text = await readFile(join(userData, 'status', 'kiosk.prom'), 'utf8')
      const family = parsePrometheusTextFormat(text).find((f) => f.name === 'kiosk_printer_up')
      return family?.metrics.map((m) => [m.labels?.['printer'], Number(m.value)])
    }

    printers.attributes.mockResolvedValue({
      'printer-state': 'stopped',
      'printer-state-reasons': 'paused',
      'printer-is-accepting-jobs': true,
    })
    await kiosk.api.getPrinterStatus()
    await vi.waitFor(async () =>
      expect((await readStatus(userData)).printerHealth).toMatchObject({
        printer: 'KioskPDF',
        state: 'down',
        problems: ['stopped'],
      }),
    )
    expect(await printerUp()).toEqual([['KioskPDF', 0]])

    printers.attributes.mockResolvedValue({
      'printer-state': 'idle',
      'printer-state-reasons': 'none',
      'printer-is-accepting-jobs': true,
    })
    await kiosk.api.getPrinterStatus()
    await vi.waitFor(async () =>
      expect((await readStatus(userData)).printerHealth).toMatchObject({
        printer: 'KioskPDF',
        state: 'ready',
        problems: [],
      }),
    )
    expect(await printerUp()).toEqual([['KioskPDF', 1]])
  })

  it('pushes OTLP metrics with the kiosk id and the token header to a collector on 127.0.0.1', async () => {
    const capture = await startCapture()
    const { kiosk } = await fleetKiosk({
      otlp: { endpoint: capture.url, headers: { authorization: 'Bearer fleet-token' } },
    })
    await kiosk.fleet.checkNow()
    await kiosk.api.recordUsage({ type: 'visit' })
    // Stopping flushes what the 60 s reader has gathered, as the app does when it quits.
    await kiosk.close()
    expect(capture.posts.length).toBeGreaterThan(0)
    const [post] = capture.posts
    expect(post!.headers['authorization']).toBe('Bearer fleet-token')
    const resource = (
      post!.body as {
        resourceMetrics: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] }
        }[]
      }
    ).resourceMetrics[0]!.resource
    const attribute = (key: string) =>
      resource.attributes.find((a) => a.key === key)?.value.stringValue
    expect(attribute('service.instance.id')).toBe('kiosk-42')
    expect(attribute('kiosk.site')).toBe('north')
    expect(JSON.stringify(post!.body)).toContain('kiosk_visits')
  })
})
