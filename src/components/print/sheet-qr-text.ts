import { blockTexts } from '@shared/block-text'
import type { ContentDocument } from '@shared/content-schema'

/** Kept well inside what a phone camera reads easily from a screen. */
const maxLength = 700

/**
 * What the "QR code instead" holds: the clinic's web page when staff set one, otherwise the
 * sheet's own words, so a visitor can keep them even though the kiosk is offline.
 */
export function sheetQrText(
  sheet: ContentDocument,
  website: string,
  fill: (text: string) => string,
): string {
  if (website) return website
  let text = sheet.title
  for (const line of sheet.blocks
    .flatMap((block) => blockTexts(block, { titles: true }))
    .map(fill)) {
    if (text.length + line.length + 1 > maxLength) break
    text += `\n${line}`
  }
  return text
}
