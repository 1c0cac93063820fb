/**
 * Emoji in staff text: the kiosk's one typeface (Atkinson Hyperlegible) has none, so one would be
 * drawn by whatever font a computer happens to have, or as an empty box on paper. Staff text
 * with emoji is refused at save, with a plain message, rather than shown differently per kiosk.
 * ©, ® and ™ are letters of the typeface, not emoji.
 */
const emoji =
  /(?![\u00a9\u00ae\u2122])[\p{Extended_Pictographic}\p{Regional_Indicator}\u{fe0f}\u{20e3}]/u

export const hasEmoji = (text: string): boolean => emoji.test(text)
