import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestKiosk, refusal, signedInKiosk, useUserDataFolder } from '../kiosk-fixture'
import { createWebShell } from '../../../../electron/web-host/web-shell'
import { memoryLogger } from '../../main/test-logger'

const folder = useUserDataFolder('kiosk-staff-files-')

describe('staff drafts', () => {
  it('keeps unsaved work across a restart, for staff only, until it is saved or thrown away', async () => {
    const { api } = await signedInKiosk(folder())
    await api.staffSaveDraft({ id: 'settings', data: { clinicName: 'Riverside Cl' } })
    await api.staffSaveDraft({ id: 'page/en/section/causes', data: { title: 'Why' } })
    await api.staffSaveDraft({ id: 'settings', data: { clinicName: 'Riverside Clinic' } })

    const restarted = createTestKiosk(folder())
    await expect(restarted.api.staffDrafts()).rejects.toEqual(refusal('sign-in-required'))
    expect(await restarted.api.staffSignIn({ pin: '482615' })).toEqual({ ok: true })
    const drafts = await restarted.api.staffDrafts()
    expect(
      drafts.map(({ id, data }) => ({ id, data })).sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([
      { id: 'page/en/section/causes', data: { title: 'Why' } },
      { id: 'settings', data: { clinicName: 'Riverside Clinic' } },
    ])
    await restarted.api.staffDiscardDraft({ id: 'settings' })
    expect((await restarted.api.staffDrafts()).map((d) => d.id)).toEqual(['page/en/section/causes'])
    // Only the owner may read the file: it can hold the clinic's phone numbers.
    expect((await stat(join(folder(), 'staff-drafts.json'))).mode & 0o077).toBe(0)
  })

  it('refuses a draft id that is not a staff screen', async () => {
    const { api } = await signedInKiosk(folder())
    await expect(api.staffSaveDraft({ id: '../settings' as 'settings', data: {} })).rejects.toEqual(
      refusal('invalid-arguments'),
    )
  })
})

describe('backups by touch', () => {
  it('lists the kept backups and imports one by its name, and says when there is none of that name', async () => {
    const { api } = await signedInKiosk(folder())
    const exported = await api.staffExportBackup()
    const listed = await api.staffBackups()
    expect(listed.map((b) => b.fileName)).toEqual([exported.fileName])
    expect(await api.staffImportBackup({ fileName: exported.fileName })).toEqual({ ok: true })
    expect(await api.staffImportBackup({ fileName: 'kiosk-backup-none.json' })).toEqual({
      ok: false,
      problems: [
        {
          field: '(whole file)',
          code: 'backup-file-missing',
          params: { name: 'kiosk-backup-none.json' },
        },
      ],
    })
    await expect(api.staffImportBackup({ fileName: '../staff-pin.json' })).rejects.toEqual(
      refusal('invalid-arguments'),
    )
  })

  it('also finds a backup copied into the export folder', async () => {
    const { api } = await signedInKiosk(folder())
    const exported = await api.staffExportBackup()
    const exportsDir = join(folder(), 'exports')
    await mkdir(exportsDir, { recursive: true })
    await writeFile(join(exportsDir, 'from-the-usb-stick.json'), exported.text)
    expect((await api.staffBackups()).map((b) => b.fileName)).toContain('from-the-usb-stick.json')
    expect(await api.staffImportBackup({ fileName: 'from-the-usb-stick.json' })).toEqual({
      ok: true,
    })
  })
})

describe('the usage CSV', () => {
  it('is saved in the export folder by the app, and named for the time it was made', async () => {
    const { api } = await signedInKiosk(folder())
    const file = await api.staffExportUsage({ days: 7 })
    expect(file.fileName).toMatch(/^kiosk-usage-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/)
    expect(file.savedTo).toBe(join(folder(), 'exports', file.fileName))
    expect(await readFile(file.savedTo!, 'utf8')).toBe(file.text)
    expect(file.text.split('\r\n')[0]).toMatch(/^date,visits,idle_resets/)
  })

  it('is left to the browser to download when a browser shows the kiosk', async () => {
    const kiosk = createTestKiosk(folder(), { shell: createWebShell(memoryLogger()) })
    await kiosk.setup.applyFile({ clinicName: 'Oak Clinic', staffPin: '482615' })
    await kiosk.api.staffSignIn({ pin: '482615' })
    const file = await kiosk.api.staffExportUsage({ days: 7 })
    expect(file.savedTo).toBeUndefined()
    expect(file.text).toMatch(/^date,/)
    await expect(readdir(join(folder(), 'exports'))).rejects.toThrow()
  })
})
