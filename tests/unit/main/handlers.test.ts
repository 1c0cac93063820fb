import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHandlers, type ShellActions } from '../../../electron/main/handlers'
import { createContentStore } from '../../../electron/services/content-store'
import { createSettingsStore } from '../../../electron/services/settings-store'
import { createUsageStore } from '../../../electron/services/usage-store'
import { memoryLogger } from './test-logger'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-handlers-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function setUp(print: ShellActions['print'] = async () => ({ ok: true, via: 'printer' })) {
  const usage = createUsageStore({ dir, flushIntervalMs: 10 })
  const shell = {
    heartbeat: vi.fn(),
    clearVisitData: vi.fn(async () => undefined),
    print: vi.fn(print),
  }
  const onSettings = vi.fn()
  const handlers = createHandlers({
    content: createContentStore({ contentDir: 'content' }),
    settings: createSettingsStore({ dir }),
    usage,
    appInfo: { name: 'kiosk', version: '1.0.0', platform: 'electron', packaged: true },
    shell,
    log: memoryLogger(),
    onSettings,
  })
  return { handlers, shell, usage, onSettings }
}

describe('main-process handlers', () => {
  it('prints through the shell with the clinic settings, and counts the print', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ printerName: 'Front Desk', paperSize: 'A4' }),
    )
    const { handlers, shell, usage } = setUp()
    const result = await handlers.printSheet({ sheetId: 'stretches', locale: 'es' })
    expect(result).toEqual({ ok: true, via: 'printer' })
    expect(shell.print.mock.calls[0]?.[1]).toMatchObject({
      printerName: 'Front Desk',
      paperSize: 'A4',
    })
    const [today] = await usage.lastDays(1)
    expect(today?.prints).toEqual({ 'stretches/es': 1 })
  })

  it('counts a failed print as a failure, not a print', async () => {
    const { handlers, usage } = setUp(async () => ({
      ok: false,
      reason: 'timeout',
      message: 'late',
    }))
    await handlers.printSheet({ sheetId: 'prevention', locale: 'en' })
    const [today] = await usage.lastDays(1)
    expect(today?.prints).toEqual({})
    expect(today?.printFailures).toEqual({ prevention: 1 })
  })

  it('refuses to print past the daily limit, without calling the printer', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ dailyPrintLimit: 2 }))
    const { handlers, shell } = setUp()
    await handlers.printSheet({ sheetId: 'prevention', locale: 'en' })
    await handlers.printSheet({ sheetId: 'prevention', locale: 'en' })
    const third = await handlers.printSheet({ sheetId: 'prevention', locale: 'en' })
    expect(third).toMatchObject({ ok: false, reason: 'daily-limit' })
    expect(third.ok === false && third.message).toMatch(/printed all the sheets it may print today/)
    expect(shell.print).toHaveBeenCalledTimes(2)
  })

  it('passes heartbeats and visit ends to the shell, and reports settings it reads', async () => {
    const { handlers, shell, onSettings } = setUp()
    await handlers.heartbeat()
    await handlers.endVisit()
    const settings = await handlers.getSettings()
    expect(shell.heartbeat).toHaveBeenCalledTimes(1)
    expect(shell.clearVisitData).toHaveBeenCalledTimes(1)
    expect(onSettings).toHaveBeenCalledWith(settings)
  })
})
