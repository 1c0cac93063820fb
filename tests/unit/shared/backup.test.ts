import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportBackup, parseBackup } from '../../../electron/shared/backup'
import { createOverrideStore } from '../../../electron/services/override-store'
import { createSetupRecord } from '../../../electron/services/setup-record'
import { createPinStore, pinFileName } from '../../../electron/services/pin-store'
import type { ContentDocument } from '../../../electron/shared/content-schema'
import type { OverrideDocuments } from '../../../electron/shared/merge-overrides'
import { defaultSettings } from '../../../electron/shared/settings-defaults'
import type { Settings } from '../../../electron/shared/settings-schema'

const whatIs: ContentDocument = {
  id: 'what-is',
  title: 'What a spasm is',
  summary: 'A short summary.',
  illustration: 'section-what-is',
  order: 1,
  visible: false,
  lastReviewed: '2026-11-01',
  sources: [{ organisation: 'NHS', title: 'Back pain' }],
  blocks: [
    { kind: 'paragraph', text: 'One.' },
    { kind: 'paragraph', text: 'Two.' },
    { kind: 'list', items: ['Three.'] },
  ],
}
const settings: Settings = {
  ...defaultSettings,
  clinicName: 'Riverside Clinic',
  defaultLocale: 'es',
}
const overrides: OverrideDocuments = {
  'en/section/what-is': whatIs,
  'es/sheet/stretches': { ...whatIs, id: 'stretches', title: 'Estiramientos' },
}
const exportedAt = new Date('2026-11-21T10:00:00Z')
const valid = () =>
  JSON.parse(exportBackup({ settings, overrides, now: () => exportedAt })) as Record<
    string,
    unknown
  > & { settings: Record<string, unknown>; overrides: Record<string, Record<string, unknown>> }

function problemsOf(value: unknown) {
  const result = parseBackup(typeof value === 'string' ? value : JSON.stringify(value))
  expect(result.ok).toBe(false)
  return result.ok ? [] : result.problems
}

describe('backup', () => {
  it('round-trips settings and content changes', () => {
    const text = exportBackup({ settings, overrides, now: () => exportedAt })
    const parsed = parseBackup(text)
    expect(parsed).toEqual({
      ok: true,
      backup: {
        format: 'back-spasm-kiosk-backup',
        version: 1,
        exportedAt: '2026-11-21T10:00:00.000Z',
        settings,
        overrides,
      },
    })
  })

  it('never contains the staff PIN or its hash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-backup-'))
    try {
      await createPinStore({ dir, setup: createSetupRecord({ dir }) }).setFirstPin('73915284')
      const pinFile = JSON.parse(await readFile(join(dir, pinFileName), 'utf8')) as {
        hash: string
        salt: string
      }
      const text = exportBackup({ settings, overrides })
      expect(text).not.toContain(pinFile.hash)
      expect(text).not.toContain(pinFile.salt)
      expect(text).not.toContain('73915284')
      expect(text).not.toMatch(/scrypt|"pin/i)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses to export settings carrying extra fields such as a PIN hash', () => {
    const withHash = { ...settings, pinHash: 'abc' } as Settings
    expect(() => exportBackup({ settings: withHash, overrides })).toThrow(/pinHash/)
  })

  it('refuses a file that is not JSON, or not a kiosk backup', () => {
    expect(problemsOf('{"format": "back-spasm')).toEqual([
      { field: '(whole file)', code: 'backup-not-json' },
    ])
    expect(problemsOf('[1, 2]')).toEqual([{ field: '(whole file)', code: 'not-a-backup' }])
    expect(problemsOf({ ...valid(), format: 'something-else' })).toEqual([
      { field: 'format', code: 'not-a-backup' },
    ])
  })

  it('says when a backup comes from a newer app', () => {
    expect(problemsOf({ ...valid(), version: 2 })).toEqual([
      { field: 'version', code: 'backup-from-newer-app', params: { version: 2 } },
    ])
    expect(problemsOf({ ...valid(), version: '1' })).toEqual([
      { field: 'version', code: 'backup-version-unsupported', params: { expected: 1 } },
    ])
  })

  it('names the bad setting', () => {
    const backup = valid()
    backup.settings.idleTimeoutSeconds = 5
    const problems = problemsOf(backup)
    expect(problems).toEqual([
      {
        field: 'settings.idleTimeoutSeconds',
        code: 'invalid',
        params: { rule: 'too_small', minimum: 30, origin: 'number' },
      },
    ])
  })

  it('names the bad block of a content change', () => {
    const backup = valid()
    const blocks = backup.overrides['en/section/what-is']?.blocks as Record<string, unknown>[]
    blocks[2] = { kind: 'video', src: 'https://example.com/x.mp4' }
    const problems = problemsOf(backup)
    expect(problems).toEqual([
      {
        field: 'overrides.en/section/what-is.blocks.2.kind',
        code: 'invalid',
        params: { rule: 'invalid_union' },
      },
    ])
  })

  it('refuses a badly named change, or one whose id does not match its name', () => {
    const backup = valid()
    backup.overrides['fr/section/what-is'] = { ...whatIs }
    backup.overrides['en/section/causes'] = { ...whatIs }
    expect(problemsOf(backup)).toEqual([
      { field: 'overrides.fr/section/what-is', code: 'invalid', params: { rule: 'change-name' } },
      {
        field: 'overrides.en/section/causes.id',
        code: 'invalid',
        params: { rule: 'id-matches-name' },
      },
    ])
  })

  it('refuses unexpected or missing fields', () => {
    const backup = valid()
    backup.pinHash = 'abc'
    delete backup.exportedAt
    const problems = problemsOf(backup)
    expect(problems.map((p) => p.field).sort()).toEqual(['(whole file)', 'exportedAt'])
    expect(problems.find((p) => p.field === '(whole file)')).toEqual({
      field: '(whole file)',
      code: 'invalid',
      params: { rule: 'unrecognized_keys', keys: 'pinHash' },
    })
  })

  it('lists every problem at once and imports nothing when any part is invalid', async () => {
    const backup = valid()
    backup.settings.clinicName = ''
    backup.overrides['es/sheet/stretches'] = { ...whatIs, id: 'stretches', title: '<b>x</b>' }
    const problems = problemsOf(backup)
    expect(problems.map((p) => p.field)).toEqual([
      'settings.clinicName',
      'overrides.es/sheet/stretches.title',
    ])

    // How staff mode applies an import: only a backup that parsed cleanly reaches the store.
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-backup-'))
    try {
      const store = createOverrideStore({ dir })
      await store.put('en/section/what-is', whatIs)
      const parsed = parseBackup(JSON.stringify(backup))
      if (parsed.ok) await store.replaceAll(parsed.backup.overrides)
      expect(await store.list()).toEqual({ 'en/section/what-is': whatIs })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses a file far too large to be a backup', () => {
    expect(problemsOf(' '.repeat(21 * 1024 * 1024))).toEqual([
      { field: '(whole file)', code: 'backup-too-large' },
    ])
  })
})
