import { describe, expect, it } from 'vitest'
import { printerHealth } from '../../../electron/shared/printer-status'

describe('printerHealth', () => {
  it('reads an idle printer taking jobs as ready, and one printing as busy', () => {
    const idle = {
      'printer-state': 'idle',
      'printer-state-reasons': 'none',
      'printer-is-accepting-jobs': true,
    }
    expect(printerHealth(idle)).toEqual({ state: 'ready', problems: [] })
    expect(printerHealth({ ...idle, 'printer-state': 'processing' }).state).toBe('busy')
  })

  it('reads a stopped queue, as cupsdisable leaves it, as down', () => {
    expect(
      printerHealth({ 'printer-state': 'stopped', 'printer-state-reasons': 'paused' }),
    ).toEqual({
      state: 'down',
      problems: ['stopped'],
    })
    expect(printerHealth({ 'printer-state': 5 }).state).toBe('down')
  })

  it('reads out of paper, offline or a jam as down, whatever severity suffix it has', () => {
    expect(
      printerHealth({ 'printer-state': 'idle', 'printer-state-reasons': ['media-empty-error'] }),
    ).toEqual({ state: 'down', problems: ['media-empty'] })
    expect(
      printerHealth({ 'printer-state': 'idle', 'printer-state-reasons': 'offline-report' }),
    ).toEqual({ state: 'down', problems: ['offline'] })
    expect(
      printerHealth({
        'printer-state': 'idle',
        'printer-state-reasons': ['media-jam-warning', 'cover-open'],
      }).problems,
    ).toEqual(['media-jam', 'door-open'])
  })

  it('reads a printer not taking jobs as down, and an unknown error as down too', () => {
    expect(
      printerHealth({ 'printer-state': 'idle', 'printer-is-accepting-jobs': false }).problems,
    ).toEqual(['not-accepting'])
    expect(
      printerHealth({ 'printer-state': 'idle', 'printer-state-reasons': 'fuser-over-temp-error' }),
    ).toEqual({ state: 'down', problems: ['other'] })
  })

  it('does not take a warning about something harmless as down', () => {
    expect(
      printerHealth({ 'printer-state': 'idle', 'printer-state-reasons': 'toner-low-warning' })
        .state,
    ).toBe('ready')
  })
})
