import { describe, expect, it } from 'vitest'
import { apiMethods, channels } from '../../../electron/shared/channels'
import { contract } from '../../../electron/shared/contract'
import { defaultSettings } from '../../../electron/shared/settings-defaults'
import { settingsSchema } from '../../../electron/shared/settings-schema'

describe('IPC contract', () => {
  it('pairs every method with its own channel, and no two methods share one', () => {
    expect(Object.keys(contract).sort()).toEqual([...apiMethods].sort())
    for (const method of apiMethods) expect(contract[method].channel).toBe(channels[method])
    expect(new Set(Object.values(channels)).size).toBe(apiMethods.length)
  })

  it('accepts only the supported locales for getContent', () => {
    expect(contract.getContent.args.safeParse(['en']).success).toBe(true)
    expect(contract.getContent.args.safeParse(['es']).success).toBe(true)
    expect(contract.getContent.args.safeParse(['de']).success).toBe(false)
    expect(contract.getContent.args.safeParse([]).success).toBe(false)
  })

  it('takes no arguments for getSettings and getAppInfo', () => {
    expect(contract.getSettings.args.safeParse([]).success).toBe(true)
    expect(contract.getAppInfo.args.safeParse([1]).success).toBe(false)
  })
})

describe('settings schema', () => {
  it('has working defaults for a fresh install', () => {
    expect(defaultSettings).toMatchObject({
      emergencyNumber: '911',
      defaultLocale: 'en',
      enabledLocales: ['en', 'es'],
      idleTimeoutSeconds: 90,
      idleWarningSeconds: 15,
      staffIdleTimeoutSeconds: 120,
      paperSize: 'Letter',
      perVisitPrintLimit: 3,
    })
  })

  it('gives a settings file with no fields the same defaults the kiosk starts with', () => {
    expect(settingsSchema.parse({})).toEqual(defaultSettings)
    expect(settingsSchema.safeParse(defaultSettings).success).toBe(true)
  })

  it('refuses out-of-range timeouts and a default language that is not enabled', () => {
    expect(settingsSchema.safeParse({ idleTimeoutSeconds: 10 }).success).toBe(false)
    expect(settingsSchema.safeParse({ idleTimeoutSeconds: 901 }).success).toBe(false)
    const result = settingsSchema.safeParse({ defaultLocale: 'es', enabledLocales: ['en'] })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: ['defaultLocale'],
      message: 'default-language-enabled',
    })
  })

  it('refuses unknown fields and non-web addresses', () => {
    expect(settingsSchema.safeParse({ pinHash: 'x' }).success).toBe(false)
    expect(settingsSchema.safeParse({ clinicWebsite: 'javascript:alert(1)' }).success).toBe(false)
    expect(settingsSchema.safeParse({ clinicWebsite: 'https://clinic.example' }).success).toBe(true)
  })
})
