import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { axeAfterTap } from './axe-after-tap'
import { staffPin } from './fixtures'

export type StaffLocale = 'en' | 'es'
export const staffLocales: StaffLocale[] = ['en', 'es']

/**
 * The staff screens' words in one language, from the app's own message files, so a test
 * can say what staff should read: `words('es')('staff.content.nowHidden', { title })`.
 */
export function words(locale: StaffLocale) {
  const dir = join('src', 'i18n', locale)
  const messages: Record<string, unknown> = {}
  for (const file of readdirSync(dir))
    Object.assign(messages, JSON.parse(readFileSync(join(dir, file), 'utf8')))
  return (key: string, params: Record<string, string | number> = {}, plural?: number): string => {
    const found = key
      .split('.')
      .reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], messages)
    if (typeof found !== 'string') throw new Error(`no message ${key} in ${locale}`)
    const forms = found.split(' | ')
    const text = plural === undefined ? found : (forms[plural === 1 ? 0 : forms.length - 1] ?? '')
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
  }
}

/** Taps through the PIN pad and opens the staff menu. */
export async function signInByTouch(page: Page, pin = staffPin): Promise<void> {
  await page.goto('/#/admin')
  await expect(page.getByTestId('pin-sign-in')).toBeVisible()
  for (const digit of pin) await page.getByTestId(`pin-${digit}`).tap()
  await page.getByTestId('pin-ok').tap()
  await expect(page.getByTestId('staff-home')).toBeVisible()
}

const keyboard = (page: Page) => page.getByTestId('on-screen-keyboard')

/** A key of the docked keyboard, by what it types ("a", "{bksp}", "{clear}"). */
export const key = (page: Page, name: string) =>
  keyboard(page).locator(`[data-skbtn="${name.replace(/"/g, '\\"')}"]`)

/** Types text on the docked keyboard, tapping Shift before a capital letter. */
export async function typeByTouch(page: Page, text: string): Promise<void> {
  for (const char of text) {
    const name = char === ' ' ? '{space}' : char
    if ((await key(page, name).count()) === 0) {
      await key(page, '{shift}').tap()
      await expect(key(page, name)).toHaveCount(1)
    }
    await key(page, name).tap()
  }
}

/** Taps a field, clears it with the keyboard's Clear key, and types a new value by touch. */
export async function fillByTouch(page: Page, field: Locator, text: string): Promise<void> {
  await field.tap()
  await expect(field).toBeFocused()
  await expectAboveKeyboard(page, field)
  await key(page, '{clear}').tap()
  await typeByTouch(page, text)
  await expect(field).toHaveValue(text)
}

/** The docked keyboard is up, and the field is wholly on screen just above it. */
export async function expectAboveKeyboard(page: Page, field: Locator): Promise<void> {
  await expect(keyboard(page)).toBeVisible()
  await expect
    .poll(async () => {
      const [box, keys, bar] = await Promise.all([
        field.boundingBox(),
        keyboard(page).boundingBox(),
        page.locator('.staff-bar').boundingBox(),
      ])
      if (!box || !keys) return 'not on screen'
      const top = bar ? bar.y + bar.height : 0
      if (box.y < top) return `hidden under the bar (${box.y} < ${top})`
      if (box.y + box.height > keys.y)
        return `under the keyboard (${box.y + box.height} > ${keys.y})`
      return 'above the keyboard'
    })
    .toBe('above the keyboard')
}

export async function expectKeyboardHidden(page: Page): Promise<void> {
  await expect(keyboard(page)).toBeHidden()
}

/** Axe's findings on each staff screen the test reaches, all checked at the end. */
export function axeCollector(page: Page) {
  const found: string[] = []
  return {
    check: async (name: string) => {
      found.push(...(await axeAfterTap(page, name)))
    },
    violations: () => [...new Set(found)],
  }
}

/** Holds a finger on the screen for a while (the staff corner wants three seconds). */
export async function holdTouch(page: Page, x: number, y: number, ms: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
  await page.waitForTimeout(ms)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}
