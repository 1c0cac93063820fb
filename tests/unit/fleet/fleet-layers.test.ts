import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportBackup } from '../../../electron/shared/backup'
import type { ContentDocument } from '../../../electron/shared/content-schema'
import { defaultSettings } from '../../../electron/shared/settings-defaults'
import { shippedSection, signedInKiosk, useUserDataFolder } from '../backend/kiosk-fixture'
import { servedRepository, showStartScreen, writePack } from '../../fleet-support/fleet-fixture'
import type { StaticServer } from '../../fleet-support/static-server'

const folder = useUserDataFolder('kiosk-fleet-layers-')
let server: StaticServer | null = null
afterEach(() => server?.close())

const retitled = (doc: ContentDocument, title: string): ContentDocument => ({ ...doc, title })

describe('content layers', () => {
  it('shows shipped, then pack, then site, then this kiosk’s staff edits unless the pack locks the page', async () => {
    const { server: served, userData, publishPack } = await servedRepository(folder())
    server = served
    const packFile = await writePack(folder(), {
      id: 'group',
      title: 'Pack title of what is',
      locks: ['section/get-help'],
    })
    const kiosk = await signedInKiosk(userData)
    const shipped = async (id: string) => shippedSection(kiosk.api, id)
    const [whatIs, getHelp, causes] = [
      await shipped('what-is'),
      await shipped('get-help'),
      await shipped('causes'),
    ]

    // The site's overrides: a backup made on one kiosk of the site.
    const siteBackup = join(folder(), 'north-backup.json')
    await writeFile(
      siteBackup,
      exportBackup({
        settings: { ...defaultSettings, clinicName: 'North Clinic', printerName: 'Desk_7' },
        overrides: {
          'en/section/what-is': retitled(whatIs, 'Site: what is'),
          'en/section/get-help': retitled(getHelp, 'Site: get help'),
        },
      }),
    )
    await publishPack(packFile, { site: { id: 'north', overridesFile: siteBackup } })
    // Staff edits on this kiosk, one of them to the page the pack locks (made before the lock).
    await kiosk.services.overrides.put('en/section/causes', retitled(causes, 'Staff: causes'))
    await kiosk.services.overrides.put('en/section/what-is', retitled(whatIs, 'Staff: what is'))
    await kiosk.services.overrides.put('en/section/get-help', retitled(getHelp, 'Staff: get help'))

    await kiosk.fleet.checkNow()
    await showStartScreen(kiosk.api)

    const titles = Object.fromEntries(
      (await kiosk.api.getContent('en')).content.sections.map((s) => [s.id, s.title]),
    )
    expect(titles).toMatchObject({
      'what-is': 'Staff: what is',
      'get-help': 'Site: get help',
      causes: 'Staff: causes',
      symptoms: 'Signs of a back spasm',
    })
    // The staff history says the content team's pack changed these pages, and staff cannot undo it.
    const [switched] = await kiosk.api.staffHistory()
    expect(switched).toMatchObject({
      change: { type: 'pack', packId: 'group' },
      by: { kind: 'pack', packId: 'group' },
    })
    expect(switched?.pages).toEqual(
      expect.arrayContaining(['en/section/get-help', 'en/section/what-is']),
    )
    const detail = await kiosk.api.staffHistoryEntry({ id: switched!.id })
    expect(detail).toMatchObject({ ok: true, undoable: false })
    expect(await kiosk.api.staffUndo({ id: switched!.id })).toMatchObject({
      ok: false,
      problems: [{ code: 'not-undoable' }],
    })

    const status = await kiosk.api.staffFleetStatus()
    const layer = (key: string) => status.documents.find((d) => d.key === key)
    expect(layer('en/section/what-is')).toMatchObject({ layer: 'staff', locked: false })
    expect(layer('en/section/get-help')).toMatchObject({ layer: 'site', locked: true })
    expect(layer('es/section/get-help')).toMatchObject({ layer: 'pack', locked: true })
    expect(layer('en/section/symptoms')).toMatchObject({ layer: 'pack' })
    expect(status.pack).toMatchObject({ id: 'group', note: 'Pack group' })

    // Staff cannot change a locked page; the site's settings apply where staff saved none.
    expect(
      await kiosk.api.staffSaveDocument({
        locale: 'en',
        kind: 'section',
        document: retitled(getHelp, 'x'),
      }),
    ).toEqual({
      ok: false,
      problems: [{ field: 'id', code: 'locked-by-pack' }],
    })
    const settings = await kiosk.api.getSettings()
    expect(settings.clinicName).toBe('North Clinic')
    expect(settings.printerName).toBe(defaultSettings.printerName)

    // The site keeps its clinic name over this kiosk's own settings; the rest is the kiosk's.
    expect(await kiosk.api.staffSaveSettings({ ...settings, clinicName: 'Our own name' })).toEqual({
      ok: false,
      problems: [{ field: 'clinicName', code: 'invalid', params: { rule: 'kept-by-fleet' } }],
    })
    expect(
      await kiosk.api.staffSaveSettings({ ...settings, printerName: 'Back_Office' }),
    ).toMatchObject({
      ok: true,
      settings: { clinicName: 'North Clinic', printerName: 'Back_Office' },
    })
  })
})
