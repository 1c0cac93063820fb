import { join } from 'node:path'
import type { Attributes, ObservableResult } from '@opentelemetry/api'
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http'
import { PrometheusSerializer } from '@opentelemetry/exporter-prometheus'
import { resourceFromAttributes } from '@opentelemetry/resources'
import {
  MeterProvider,
  MetricReader,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics'
import type { FleetConfig } from '../../shared/fleet-config'
import type { FleetStatus } from '../../shared/fleet-status'
import type { Logger } from '../../shared/logger'
import { writeFileAtomic } from '../atomic-file'
import type { HealthCounters } from './health-counters'

/** Read on demand for kiosk.prom; OTLP has its own periodic reader. */
class SnapshotReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

export const otlpIntervalMs = 60_000

/** What the fleet side knows at the moment of a report. */
export interface FleetSnapshot {
  pack: { id: string; version: number | null; appliedAt: string; note: string } | null
  staged: string | null
  lastSync: FleetStatus['lastSync']
  lastSuccessAt: string | null
  nextCheckAt: string | null
  rolledBack: FleetStatus['rolledBack']
  metadataExpires: Partial<Record<string, string>>
}

const seconds = (iso: string | null | undefined) => (iso ? Date.parse(iso) / 1000 : undefined)

/**
 * Fleet health with the OpenTelemetry SDK: pushed over OTLP/HTTP every 60 s when IT set an
 * endpoint, and always written as status.json and kiosk.prom (Prometheus text) for a
 * textfile collector or a management script, each file replaced atomically.
 */
export function createHealthReporter(options: {
  config: FleetConfig
  statusDir: string
  appVersion: string
  counters: HealthCounters
  fleet: () => FleetSnapshot
  now: () => Date
  startedAt: Date
  log: Logger
}) {
  const { config, counters } = options
  const snapshotReader = new SnapshotReader()
  const readers: MetricReader[] = [snapshotReader]
  if (config.otlp) {
    readers.push(
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({
          url: config.otlp.endpoint,
          headers: config.otlp.headers,
        }),
        exportIntervalMillis: otlpIntervalMs,
      }),
    )
  }
  const provider = new MeterProvider({
    resource: resourceFromAttributes({
      'service.name': 'back-spasm-kiosk',
      'service.version': options.appVersion,
      'service.instance.id': config.kioskId,
      'kiosk.id': config.kioskId,
      'kiosk.site': config.siteId,
      'kiosk.channel': config.channel,
    }),
    readers,
  })
  const meter = provider.getMeter('back-spasm-kiosk')
  const uptime = () => Math.round((options.now().getTime() - options.startedAt.getTime()) / 1000)

  const gauge = (
    name: string,
    description: string,
    read: (result: ObservableResult<Attributes>) => void,
    unit = 's',
  ) => meter.createObservableGauge(name, { description, unit }).addCallback(read)
  const counter = (
    name: string,
    description: string,
    read: (result: ObservableResult<Attributes>) => void,
  ) => meter.createObservableCounter(name, { description }).addCallback(read)
  // Named as Prometheus names them, so kiosk.prom and a collector's export read the same.
  const observe = (
    result: ObservableResult<Attributes>,
    value: number | undefined,
    attributes?: Attributes,
  ) => {
    if (value !== undefined) result.observe(value, attributes)
  }

  gauge(
    'kiosk_heartbeat_timestamp_seconds',
    'When the kiosk page last said it was alive (Unix seconds)',
    (r) =>
      observe(r, counters.heartbeatAt() ? counters.heartbeatAt()!.getTime() / 1000 : undefined),
  )
  gauge('kiosk_uptime_seconds', 'Seconds since the kiosk app started', (r) => r.observe(uptime()))
  gauge(
    'kiosk_pack_applied_timestamp_seconds',
    'When the active content pack was switched to (Unix seconds)',
    (r) => observe(r, seconds(options.fleet().pack?.appliedAt)),
  )
  // The SDK keeps reporting a series once seen: packs shown before stay, at 0.
  const packsSeen = new Map<string, number>()
  gauge(
    'kiosk_pack_info',
    'The active content pack, as labels: 1 for the active one, 0 for those before',
    (r) => {
      const pack = options.fleet().pack
      const id = pack?.id ?? 'shipped'
      packsSeen.set(id, pack?.version ?? 0)
      for (const [seen, version] of packsSeen)
        r.observe(seen === id ? 1 : 0, { pack_id: seen, pack_version: version })
    },
    '',
  )
  gauge(
    'kiosk_sync_last_success_timestamp_seconds',
    'When the repository was last checked without a problem (Unix seconds)',
    (r) => observe(r, seconds(options.fleet().lastSuccessAt)),
  )
  gauge(
    'kiosk_metadata_expiry_timestamp_seconds',
    'When the trusted TUF metadata expires, by role (Unix seconds)',
    (r) => {
      for (const [role, at] of Object.entries(options.fleet().metadataExpires))
        observe(r, seconds(at), { role })
    },
  )
  counter('kiosk_sync_failures', 'Failed checks of the repository, by reason', (r) => {
    for (const [reason, n] of counters.counts.syncFailures) r.observe(n, { reason })
  })
  counter('kiosk_renderer_crashes', 'Times the kiosk page crashed and was reloaded', (r) =>
    r.observe(counters.counts.rendererCrashes),
  )
  counter('kiosk_renderer_hangs', 'Times the kiosk page stopped answering and was reloaded', (r) =>
    r.observe(counters.counts.rendererHangs),
  )
  counter('kiosk_prints', 'Sheets printed, and prints that failed by reason', (r) => {
    r.observe(counters.counts.printSuccesses, { outcome: 'success' })
    for (const [reason, n] of counters.counts.printFailures)
      r.observe(n, { outcome: 'failure', reason })
  })
  gauge(
    'kiosk_printer_up',
    'Whether the kiosk printer can print as it last said over IPP: 1 yes, 0 no (absent: not known)',
    (r) => {
      const health = counters.printerHealth()
      if (!health || health.state === 'unknown' || health.state === 'none') return
      r.observe(health.state === 'down' ? 0 : 1, { printer: health.printer ?? '' })
    },
    '',
  )
  counter('kiosk_idle_resets', 'Visits ended by the walk-away timer', (r) =>
    r.observe(counters.counts.idleResets),
  )
  counter('kiosk_visits', 'Visits started (counts only)', (r) => r.observe(counters.counts.visits))

  const serializer = new PrometheusSerializer()

  function status() {
    const fleet = options.fleet()
    return {
      kioskId: config.kioskId,
      siteId: config.siteId,
      channel: config.channel,
      appVersion: options.appVersion,
      pack: fleet.pack
        ? {
            id: fleet.pack.id,
            version: fleet.pack.version,
            appliedAt: fleet.pack.appliedAt,
            note: fleet.pack.note,
          }
        : null,
      staged: fleet.staged,
      lastSync: fleet.lastSync,
      lastSuccessAt: fleet.lastSuccessAt,
      nextCheckAt: fleet.nextCheckAt,
      rolledBack: fleet.rolledBack,
      metadataExpires: fleet.metadataExpires,
      printer: counters.printer(),
      printerHealth: counters.printerHealth(),
      heartbeatAt: counters.heartbeatAt()?.toISOString() ?? null,
      uptimeSeconds: uptime(),
      writtenAt: options.now().toISOString(),
    }
  }

  /** Both files, each replaced whole: a collector never reads half of one. */
  async function write(): Promise<void> {
    const { resourceMetrics } = await snapshotReader.collect()
    await writeFileAtomic(
      join(options.statusDir, 'kiosk.prom'),
      serializer.serialize(resourceMetrics),
      { mode: 0o644 },
    )
    await writeFileAtomic(
      join(options.statusDir, 'status.json'),
      `${JSON.stringify(status(), null, 2)}\n`,
      { mode: 0o644 },
    )
  }

  return {
    write,
    shutdown: () =>
      provider.shutdown().catch((error: unknown) => options.log.warn(`health: ${error}`)),
  }
}
export type HealthReporter = ReturnType<typeof createHealthReporter>
