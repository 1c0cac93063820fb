import { cp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { settingsFileName } from '../../../../electron/services/settings-store'
import { shippedSection, signedInKiosk, useUserDataFolder } from '../kiosk-fixture'

const folder = useUserDataFolder('kiosk-diagnostics-')

describe('staff problems', () => {
  it('lists problems from settings, usage and content changes the app no longer uses', async () => {
    const { api, services } = await signedInKiosk(folder())
    await writeFile(join(folder(), settingsFileName), '{"clinicName": ')
    await writeFile(join(folder(), 'usage.json'), '{"version": 2}')
    await api.getSettings()
    await api.staffUsage({ days: 1 })
    const shipped = await shippedSection(api, 'what-is')
    await services.overrides.put('en/section/old-page', { ...shipped, id: 'old-page' })

    const problems = await api.staffProblems()
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: settingsFileName,
          field: '(whole file)',
          code: 'not-json',
          fallback: 'defaults-in-use',
          movedTo: expect.stringContaining(join(folder(), `${settingsFileName}.invalid-`)),
        }),
        expect.objectContaining({
          file: 'usage.json',
          field: 'version',
          code: 'invalid',
          fallback: 'counting-restarted',
        }),
        {
          file: 'overrides/current.json',
          field: 'en/section/old-page',
          code: 'no-longer-shipped',
          params: { locale: 'en', kind: 'section', id: 'old-page' },
        },
      ]),
    )
    expect(problems.filter((p) => p.file === 'overrides/current.json')).toHaveLength(1)
  })

  it('has nothing to report on a fresh kiosk', async () => {
    const { api } = await signedInKiosk(folder())
    expect(await api.staffProblems()).toEqual([])
  })

  it('reports a language without usable content, and keeps its changes out of the list', async () => {
    const content = join(folder(), 'content')
    await cp('content', content, { recursive: true })
    await rm(join(content, 'es'), { recursive: true })
    const { api, services } = await signedInKiosk(join(folder(), 'user-data'), {
      contentDir: content,
    })
    const shipped = await shippedSection(api, 'what-is')
    await services.overrides.put('es/section/what-is', { ...shipped, title: '¿Qué es?' })

    const problems = await api.staffProblems()
    expect(problems).toContainEqual({
      file: 'content/es/site.yaml',
      field: '(whole file)',
      code: 'required-file-missing',
    })
    // Spanish cannot load at all, so its change is not called "no longer shipped".
    expect(problems.some((p) => p.code === 'no-longer-shipped')).toBe(false)
  })
})

describe('staff usage', () => {
  it('shows usage for the days asked, today last', async () => {
    const { api } = await signedInKiosk(folder())
    await api.recordUsage({ type: 'visit' })
    const days = await api.staffUsage({ days: 7 })
    expect(days).toHaveLength(7)
    expect(days.at(-1)?.visits).toBe(1)
    expect(days.slice(0, -1).every((day) => day.visits === 0)).toBe(true)
  })
})

describe('the staff audit list', () => {
  it('gives the newest entries first, as many as asked', async () => {
    const { api } = await signedInKiosk(folder())
    await api.staffSignOut()
    await api.staffSignIn({ pin: '482615' })
    expect((await api.staffAudit({ limit: 2 })).map((entry) => entry.event)).toEqual([
      'sign-in',
      'sign-out',
    ])
  })
})
