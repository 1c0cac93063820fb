import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { settingsFileName } from '../../../../electron/services/settings-store'
import type { PrintResult } from '../../../../electron/shared/contract'
import { createTestKiosk, useUserDataFolder } from '../kiosk-fixture'

const folder = useUserDataFolder('kiosk-visitor-')
const kiosk = (print?: () => Promise<PrintResult>) => createTestKiosk(folder(), { print })

async function settingsFile(values: Record<string, unknown>): Promise<void> {
  await writeFile(join(folder(), settingsFileName), JSON.stringify(values))
}

describe('printing a sheet', () => {
  it('prints through the shell with the clinic settings, and counts the print', async () => {
    await settingsFile({ printerName: 'Front Desk', paperSize: 'A4' })
    const { api, shell, services } = kiosk()
    const result = await api.printSheet({ sheetId: 'stretches', locale: 'es' })
    expect(result).toEqual({ ok: true, via: 'printer' })
    expect(shell.print).toHaveBeenCalledWith(
      { sheetId: 'stretches', locale: 'es' },
      expect.objectContaining({ printerName: 'Front Desk', paperSize: 'A4' }),
    )
    const [today] = await services.usage.lastDays(1)
    expect(today?.prints).toEqual({ 'stretches/es': 1 })
    expect(today?.printFailures).toEqual({})
  })

  it('counts a failed print as a failure, not a print, and passes on its reason', async () => {
    const { api, services } = kiosk(async () => ({ ok: false, reason: 'timeout' }))
    expect(await api.printSheet({ sheetId: 'prevention', locale: 'en' })).toEqual({
      ok: false,
      reason: 'timeout',
    })
    const [today] = await services.usage.lastDays(1)
    expect(today?.prints).toEqual({})
    expect(today?.printFailures).toEqual({ prevention: 1 })
  })

  it('refuses to print past the daily limit, without calling the printer', async () => {
    await settingsFile({ dailyPrintLimit: 2 })
    const { api, shell, log } = kiosk()
    await api.printSheet({ sheetId: 'prevention', locale: 'en' })
    await api.printSheet({ sheetId: 'stretches', locale: 'es' })
    const third = await api.printSheet({ sheetId: 'prevention', locale: 'en' })
    expect(third).toEqual({ ok: false, reason: 'daily-limit' })
    expect(shell.print).toHaveBeenCalledTimes(2)
    expect(log.lines).toContain('warn: printing: daily limit of 2 sheets reached')
  })

  it('lets only one of several prints at the same moment take the last sheet of the day', async () => {
    await settingsFile({ dailyPrintLimit: 1 })
    const { api, shell } = kiosk()
    const results = await Promise.all(
      ['prevention', 'stretches', 'home-care'].map((sheetId) =>
        api.printSheet({ sheetId, locale: 'en' }),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok && result.reason === 'daily-limit')).toHaveLength(
      2,
    )
    expect(shell.print).toHaveBeenCalledTimes(1)
  })

  it('holds each visit to its own print limit, whatever the page asks, until the next visit', async () => {
    await settingsFile({ perVisitPrintLimit: 2 })
    const { api, shell } = kiosk()
    await api.recordUsage({ type: 'visit' })
    await api.printSheet({ sheetId: 'prevention', locale: 'en' })
    await api.printSheet({ sheetId: 'stretches', locale: 'en' })
    expect(await api.printSheet({ sheetId: 'home-care', locale: 'en' })).toEqual({
      ok: false,
      reason: 'visit-limit',
    })
    expect(shell.print).toHaveBeenCalledTimes(2)
    await api.endVisit()
    await api.recordUsage({ type: 'visit' })
    expect(await api.printSheet({ sheetId: 'home-care', locale: 'en' })).toMatchObject({ ok: true })
  })

  it('counts only sheets that printed towards the daily limit', async () => {
    await settingsFile({ dailyPrintLimit: 1 })
    let printerWorks = false
    const { api, shell } = kiosk(async () =>
      printerWorks ? { ok: true, via: 'printer' } : { ok: false, reason: 'printer-failed' },
    )
    await api.printSheet({ sheetId: 'prevention', locale: 'en' })
    await api.printSheet({ sheetId: 'prevention', locale: 'en' })
    printerWorks = true
    expect(await api.printSheet({ sheetId: 'prevention', locale: 'en' })).toEqual({
      ok: true,
      via: 'printer',
    })
    expect(await api.printSheet({ sheetId: 'prevention', locale: 'en' })).toEqual({
      ok: false,
      reason: 'daily-limit',
    })
    expect(shell.print).toHaveBeenCalledTimes(3)
  })

  it('starts a new daily limit the next day', async () => {
    let clock = new Date(2026, 10, 21, 23, 0).getTime()
    await settingsFile({ dailyPrintLimit: 1 })
    const { api } = createTestKiosk(folder(), { now: () => new Date(clock) })
    expect(await api.printSheet({ sheetId: 'prevention', locale: 'en' })).toMatchObject({
      ok: true,
    })
    expect(await api.printSheet({ sheetId: 'prevention', locale: 'en' })).toMatchObject({
      reason: 'daily-limit',
    })
    clock += 2 * 60 * 60_000
    expect(await api.printSheet({ sheetId: 'prevention', locale: 'en' })).toMatchObject({
      ok: true,
    })
  })
})

describe('what any page may ask', () => {
  it('passes heartbeats and visit ends to the shell, and reports settings it reads', async () => {
    const { api, shell, onSettings, log } = kiosk()
    await api.heartbeat()
    await api.endVisit()
    const settings = await api.getSettings()
    expect(shell.heartbeat).toHaveBeenCalledTimes(1)
    expect(shell.clearVisitData).toHaveBeenCalledTimes(1)
    expect(onSettings).toHaveBeenCalledWith(settings)
    expect(log.lines).toContain('info: visit ended: page storage and cache cleared')
  })

  it('names the host it runs in', async () => {
    const { api } = kiosk()
    expect(await api.getAppInfo()).toEqual({
      name: 'kiosk',
      version: '1.0.0',
      platform: 'electron',
      packaged: true,
    })
  })

  it('serves the shipped content when staff changes cannot be read, and logs why', async () => {
    // A file where the overrides folder should be: the store cannot even open it.
    await writeFile(join(folder(), 'overrides'), 'not a folder')
    const { api, log } = kiosk()
    const { content, problems } = await api.getContent('en')
    expect(content.sections.find((s) => s.id === 'what-is')?.title).toBe('What is a back spasm?')
    expect(problems).toEqual([])
    expect(log.lines.some((line) => line.includes('staff changes could not be read'))).toBe(true)
  })

  it('writes a page error to the log', async () => {
    const { api, log } = kiosk()
    await api.reportError({ message: 'content block exploded', where: 'SectionView' })
    expect(log.lines).toContain('error: page error in SectionView: content block exploded')
  })

  it('counts visitor usage without any sign-in, and writes it on flush', async () => {
    const { api, services, flush } = kiosk()
    await api.recordUsage({ type: 'visit' })
    await api.recordUsage({ type: 'section-view', sectionId: 'what-is', seconds: 42 })
    await api.recordUsage({ type: 'language', locale: 'es' })
    await api.recordUsage({ type: 'idle-reset' })
    const [today] = await services.usage.lastDays(1)
    expect(today).toMatchObject({
      visits: 1,
      idleResets: 1,
      sections: { 'what-is': { views: 1, seconds: 42 } },
      languages: { en: 0, es: 1 },
    })
    await flush()
    const saved = JSON.parse(await readFile(join(folder(), 'usage.json'), 'utf8')) as {
      days: Record<string, { visits: number }>
    }
    expect(Object.values(saved.days)[0]?.visits).toBe(1)
  })
})
