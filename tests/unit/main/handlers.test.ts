import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ShellActions } from '../../../electron/main/handlers'
import { apiMethods } from '../../../electron/shared/channels'
import { createTestKiosk } from './kiosk-fixture'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-handlers-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function setUp(print: ShellActions['print'] = async () => ({ ok: true, via: 'printer' })) {
  return createTestKiosk(dir, { print })
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

  it('serves the shipped content when staff changes cannot be read, and logs why', async () => {
    // A file where the overrides folder should be: the store cannot even open it.
    await writeFile(join(dir, 'overrides'), 'not a folder')
    const { handlers, log } = setUp()
    const { content } = await handlers.getContent('en')
    expect(content.sections.find((s) => s.id === 'what-is')?.title).toBe('What is a back spasm?')
    expect(log.lines.some((line) => line.includes('staff changes could not be read'))).toBe(true)
  })

  it('returns every method of the contract', () => {
    const { handlers } = setUp()
    expect(Object.keys(handlers).sort()).toEqual([...apiMethods].sort())
  })
})
