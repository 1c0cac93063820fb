/**
 * The keys the docked keyboard shows for each kind of field: words (with the accented letters
 * Spanish needs), digits for numbers, a phone pad, and a web address layout with . / and :.
 */
export type KeyboardLayout = 'text' | 'numeric' | 'tel' | 'url'

type Layout = { default: string[]; shift: string[] }

const digits = ['1 2 3', '4 5 6', '7 8 9', '{clear} 0 {bksp}', '{done}']

export const keyboardLayouts: Record<KeyboardLayout, Layout> = {
  text: {
    default: [
      '1 2 3 4 5 6 7 8 9 0 - {bksp} {clear}',
      'q w e r t y u i o p á é',
      'a s d f g h j k l ñ í ó',
      '{shift} z x c v b n m , . ú ü',
      '{space} @ : / ( ) + ¿ ? ¡ ! {done}',
    ],
    shift: [
      '1 2 3 4 5 6 7 8 9 0 _ {bksp} {clear}',
      'Q W E R T Y U I O P Á É',
      'A S D F G H J K L Ñ Í Ó',
      "{shift} Z X C V B N M ; ' Ú Ü",
      '{space} @ : / ( ) + ¿ ? ¡ ! {done}',
    ],
  },
  numeric: { default: digits, shift: digits },
  tel: {
    default: ['1 2 3 (', '4 5 6 )', '7 8 9 -', '+ 0 . {space}', '{bksp} {clear} {done}'],
    shift: ['1 2 3 (', '4 5 6 )', '7 8 9 -', '+ 0 . {space}', '{bksp} {clear} {done}'],
  },
  url: {
    default: [
      '1 2 3 4 5 6 7 8 9 0 {bksp} {clear}',
      'q w e r t y u i o p -',
      'a s d f g h j k l : /',
      '{shift} z x c v b n m . _',
      'https:// .org .com ? = & {done}',
    ],
    shift: [
      '1 2 3 4 5 6 7 8 9 0 {bksp} {clear}',
      'Q W E R T Y U I O P -',
      'A S D F G H J K L : /',
      '{shift} Z X C V B N M . _',
      'https:// .org .com ? = & {done}',
    ],
  },
}

/** The layout a field asks for with its inputmode (or type), as a phone's keyboard does. */
export function layoutFor(field: HTMLInputElement | HTMLTextAreaElement): KeyboardLayout {
  const mode = field.inputMode || (field instanceof HTMLInputElement ? field.type : '')
  if (mode === 'numeric' || mode === 'decimal' || mode === 'number') return 'numeric'
  if (mode === 'tel') return 'tel'
  if (mode === 'url') return 'url'
  return 'text'
}
