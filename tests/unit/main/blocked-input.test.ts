import { describe, expect, it } from 'vitest'
import { blockedAction, type KeyInput } from '../../../electron/main/blocked-input'

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
})

describe('blockedAction', () => {
  it.each([
    [key('F5'), 'reload'],
    [key('r', { control: true }), 'reload'],
    [key('R', { control: true, shift: true }), 'reload'],
    [key('r', { meta: true }), 'reload'],
    [key('F12'), 'devtools'],
    [key('I', { control: true, shift: true }), 'devtools'],
    [key('J', { control: true, shift: true }), 'devtools'],
    [key('i', { meta: true, alt: true }), 'devtools'],
    [key('+', { control: true }), 'zoom'],
    [key('=', { control: true }), 'zoom'],
    [key('-', { control: true }), 'zoom'],
    [key('0', { control: true }), 'zoom'],
    [key('w', { control: true }), 'close-window'],
    [key('q', { meta: true }), 'close-window'],
    [key('F4', { alt: true }), 'close-window'],
    [key('p', { control: true }), 'print'],
    [key('F11'), 'fullscreen'],
    [key('f', { control: true, meta: true }), 'fullscreen'],
    [key('u', { control: true }), 'view-source'],
  ] as const)('blocks %o as %s', (input, action) => {
    expect(blockedAction(input)).toBe(action)
  })

  it.each([
    key('a'),
    key('Enter'),
    key('Tab'),
    key('ArrowLeft'),
    key('1'),
    key('Backspace'),
    key('r'),
  ])('lets ordinary typing through: %o', (input) => {
    expect(blockedAction(input)).toBeNull()
  })

  it('ignores key-up events', () => {
    expect(blockedAction({ ...key('F5'), type: 'keyUp' })).toBeNull()
  })
})
