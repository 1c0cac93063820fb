import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSetupRecord, setupRecordFileName } from '../../../electron/services/setup-record'
import { useTempFolder } from '../temp-folder'

const folder = useTempFolder('kiosk-setup-record-')
const now = () => new Date('2026-11-21T10:00:00Z')

describe('the setup record', () => {
  it('is missing on a new kiosk, and once written keeps its first date', async () => {
    const record = createSetupRecord({ dir: folder(), now })
    expect(await record.isDone()).toBe(false)
    await record.markDone('screen')
    await createSetupRecord({
      dir: folder(),
      now: () => new Date('2027-01-01T00:00:00Z'),
    }).markDone('it-command')
    expect(JSON.parse(await readFile(join(folder(), setupRecordFileName), 'utf8'))).toEqual({
      completedAt: '2026-11-21T10:00:00.000Z',
      how: 'screen',
    })
    expect(await createSetupRecord({ dir: folder(), now }).isDone()).toBe(true)
  })

  it('counts a damaged record as set up (failing closed), says so, and writes a good one', async () => {
    await writeFile(join(folder(), setupRecordFileName), '{"completedAt": ')
    const record = createSetupRecord({ dir: folder(), now })
    expect(await record.isDone()).toBe(true)
    expect(record.problems()).toMatchObject([
      { file: setupRecordFileName, code: 'not-json', fallback: 'treated-as-set-up' },
    ])
    expect(JSON.parse(await readFile(join(folder(), setupRecordFileName), 'utf8'))).toMatchObject({
      how: 'record-damaged',
    })
  })
})
