/** The parts of Electron's before-input-event `Input` that the kiosk looks at. */
export interface KeyInput {
  type: string
  key: string
  control: boolean
  meta: boolean
  alt: boolean
  shift: boolean
}

export type BlockedAction =
  'reload' | 'devtools' | 'zoom' | 'close-window' | 'print' | 'fullscreen' | 'view-source'

/**
 * Key chords a visitor could use to leave, break or reload the kiosk. Returns what the chord
 * would do, or null when the key is harmless and must reach the page.
 */
export function blockedAction(input: KeyInput): BlockedAction | null {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return null
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key
  const command = input.control || input.meta

  if (key === 'F5' || key === 'BrowserRefresh') return 'reload'
  if (key === 'F12') return 'devtools'
  if (key === 'F11') return 'fullscreen'
  if (key === 'F4' && input.alt) return 'close-window'
  if (!command) return null

  if (key === 'r') return 'reload'
  if (input.shift && ['i', 'j', 'c'].includes(key)) return 'devtools'
  if (input.meta && input.alt && ['i', 'j', 'c'].includes(key)) return 'devtools'
  if (['+', '=', '-', '_', '0'].includes(key)) return 'zoom'
  if (['w', 'q'].includes(key)) return 'close-window'
  if (key === 'p') return 'print'
  if (key === 'f' && input.meta && input.control) return 'fullscreen'
  if (key === 'u') return 'view-source'
  return null
}
