import { randomBytes, scryptSync } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, expect, vi } from 'vitest'
import {
  createKioskBackend,
  type KioskBackendOptions,
} from '../../../electron/backend/create-kiosk-backend'
import type { Caller } from '../../../electron/backend/guard'
import type { KioskShell } from '../../../electron/backend/shell'
import type { PrinterQueries } from '../../../electron/services/ipp-printers'
import { pinFileName } from '../../../electron/services/pin-store'
import { apiMethods } from '../../../electron/shared/channels'
import type { ContentDocument, Locale } from '../../../electron/shared/content-schema'
import type { KioskApi, Printer, RefusalReason } from '../../../electron/shared/contract'
import { defaultSettings } from '../../../electron/shared/settings-defaults'
import { memoryLogger } from '../main/test-logger'
import { useTempFolder } from '../temp-folder'

type MemoryLogger = ReturnType<typeof memoryLogger>

export const frontDesk: Printer = { name: 'Front_Desk', displayName: 'Front Desk Printer' }

/** The caller a transport vouches for: the kiosk's own page. */
export const trustedCaller: Caller = { trusted: true, from: 'test' }

/** What a call the guard refused rejects with: its CallRefused, with the reason. */
export const refusal = (reason: RefusalReason) =>
  expect.objectContaining({ name: 'CallRefused', reason })

/** A host that records what the backend asked of it; it prints unless told otherwise. */
export function fakeShell(options: { print?: KioskShell['print'] } = {}) {
  return {
    platform: 'electron',
    printer: 'chosen',
    heartbeat: vi.fn(),
    clearVisitData: vi.fn(async () => undefined),
    print: vi.fn<KioskShell['print']>(
      options.print ?? (async () => ({ ok: true, via: 'printer' })),
    ),
    listPrinters: vi.fn<KioskShell['listPrinters']>(async () => [frontDesk]),
    testPrint: vi.fn<KioskShell['testPrint']>(async () => ({ ok: true, via: 'printer' })),
    exit: vi.fn(),
    restart: vi.fn(),
    fetch: (url, init) => fetch(url, init),
  } satisfies KioskShell
}

/**
 * A print system whose every queue is idle and taking jobs; a test can make one say otherwise.
 * The real CUPS is asked by the printer tests in tests/hardware/.
 */
export function fakePrinters(defaultQueue: string | null = 'Front_Desk') {
  return {
    defaultPrinter: vi.fn<PrinterQueries['defaultPrinter']>(async () => defaultQueue),
    attributes: vi.fn<PrinterQueries['attributes']>(async () => ({
      'printer-state': 'idle',
      'printer-state-reasons': 'none',
      'printer-is-accepting-jobs': true,
    })),
  } satisfies PrinterQueries
}

/** Kiosks built in the current test, so their counts are written before the folder goes. */
const running = new Set<{ flush(): Promise<void>; close(): Promise<void> }>()

export interface TestKioskOptions {
  print?: KioskShell['print']
  /** Where the backend logs; one is made when not given. */
  log?: MemoryLogger
  now?: () => Date
  /** The folder the shipped content is read from; the app's content/ by default. */
  contentDir?: string
  printers?: PrinterQueries
  /** The fleet side's timers and time limits. */
  fleet?: KioskBackendOptions['fleet']
  appVersion?: string
}

/**
 * The real backend on the user-data folder `dir`, with the shipped content and a fake shell
 * (or the shell given, such as the web host's).
 * `api` calls it the way both transports do, as the kiosk's own page: every call goes through
 * the guard, and a refusal is thrown as the guard's CallRefused. Building a second one on the
 * same folder is an app restart.
 */
export function createTestKiosk<Shell extends KioskShell = ReturnType<typeof fakeShell>>(
  dir: string,
  options: TestKioskOptions & { shell?: Shell } = {},
) {
  const shell = options.shell ?? (fakeShell({ print: options.print }) as KioskShell as Shell)
  const log = options.log ?? memoryLogger()
  const onSettings = vi.fn()
  const backend = createKioskBackend({
    userDataDir: dir,
    contentDir: options.contentDir ?? 'content',
    shell,
    log,
    appInfo: { name: 'kiosk', version: options.appVersion ?? '1.0.0', packaged: true },
    fleet: options.fleet,
    now: options.now,
    onSettings,
    usageFlushIntervalMs: 10,
    printers: options.printers ?? fakePrinters(),
    printerCheckIntervalMs: 0,
  })
  const api = Object.fromEntries(
    apiMethods.map((method) => [
      method,
      (...args: unknown[]) => backend.invoke(method, args, trustedCaller),
    ]),
  ) as KioskApi
  running.add(backend)
  return { ...backend, dir, api, shell, log, onSettings }
}
export type TestKiosk = ReturnType<typeof createTestKiosk<ReturnType<typeof fakeShell>>>

export const staffPin = '482615'

/** A kiosk set up on an earlier day (settings and PIN, as IT's setup file does), nobody signed in. */
export async function kioskWithPin(dir: string, options: TestKioskOptions = {}) {
  const kiosk = createTestKiosk(dir, options)
  expect(await kiosk.setup.applyFile({ clinicName: defaultSettings.clinicName, staffPin })).toEqual(
    { ok: true },
  )
  return kiosk
}

/**
 * Writes a PIN file as an older version of the kiosk did, whose PINs could be 4 digits: the
 * same salted scrypt hash the pin store writes, which the current rules would not let be chosen.
 */
export async function writeOldPinFile(dir: string, pin: string): Promise<void> {
  const cost = { N: 16_384, r: 8, p: 1, keyLength: 32 }
  const salt = randomBytes(16)
  const hash = scryptSync(pin, salt, cost.keyLength, { ...cost, maxmem: 256 * cost.N * cost.r })
  await mkdir(dir, { recursive: true })
  await writeFile(
    join(dir, pinFileName),
    JSON.stringify({
      algorithm: 'scrypt',
      salt: salt.toString('hex'),
      hash: hash.toString('hex'),
      ...cost,
    }),
  )
}

export async function signedInKiosk(dir: string, options: TestKioskOptions = {}) {
  const kiosk = await kioskWithPin(dir, options)
  expect(await kiosk.api.staffSignIn({ pin: staffPin })).toEqual({ ok: true })
  return kiosk
}

export async function shippedSection(
  api: KioskApi,
  id: string,
  locale: Locale = 'en',
): Promise<ContentDocument> {
  const { content } = await api.getContent(locale)
  const doc = content.sections.find((section) => section.id === id)
  if (!doc) throw new Error(`no shipped section ${id}`)
  return doc
}

/** The audit log as [event, detail] pairs, oldest first, read without signing in. */
export async function auditTrail(kiosk: TestKiosk): Promise<[string, string | undefined][]> {
  const entries = await kiosk.services.audit.recent(100)
  return entries.reverse().map(({ event, detail }) => [event, detail])
}

/**
 * A fresh user-data folder for each test. Before it is removed, every kiosk built in the test
 * writes its waiting usage counts, so no late write recreates the folder.
 */
export function useUserDataFolder(prefix: string): () => string {
  return useTempFolder(prefix, {
    beforeRemove: async () => {
      const kiosks = [...running]
      running.clear()
      await Promise.allSettled(kiosks.map((kiosk) => kiosk.flush().then(kiosk.close)))
    },
  })
}

/** One clock for the whole backend, set to the same morning before each test. */
export function useTestClock(start = '2026-11-21T10:00:00Z') {
  const clock = {
    at: 0,
    now: () => new Date(clock.at),
    advance: (ms: number) => {
      clock.at += ms
    },
  }
  beforeEach(() => {
    clock.at = Date.parse(start)
  })
  return clock
}
