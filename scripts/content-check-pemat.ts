import type { Block, ContentDocument, Locale } from '../electron/shared/content-schema'
import { analyseText, documentBodyText, readabilityLimits } from '../electron/shared/readability'

/**
 * The take-home sheets scored against PEMAT-P, the Patient Education Materials Assessment
 * Tool for printable materials (AHRQ). A person judged each item, item by item, with a reason;
 * where a judgement rests on something the content must keep (a summary first, a box to fill
 * in, captions on pictures…), it carries a check, and the content check turns that item into
 * "disagree" the day an edit removes it. The items are named here in short; AHRQ's user guide
 * has their full wording and how to score them.
 */

export type PematScale = 'understandable' | 'actionable'
export type PematRating = 'agree' | 'disagree' | 'not applicable'

export interface PematItem {
  number: number
  scale: PematScale
  name: string
}

/** PEMAT-P has items 1 to 26 except 13 and 14, which apply to audio and video only. */
export const pematItems: readonly PematItem[] = [
  { number: 1, scale: 'understandable', name: 'Its purpose is evident' },
  { number: 2, scale: 'understandable', name: 'Nothing distracts from its purpose' },
  { number: 3, scale: 'understandable', name: 'Common, everyday language' },
  { number: 4, scale: 'understandable', name: 'Medical terms only when needed, and defined' },
  { number: 5, scale: 'understandable', name: 'Active voice' },
  { number: 6, scale: 'understandable', name: 'Numbers are clear and easy' },
  { number: 7, scale: 'understandable', name: 'No calculations expected' },
  { number: 8, scale: 'understandable', name: 'Information in short sections' },
  { number: 9, scale: 'understandable', name: 'Sections have informative headers' },
  { number: 10, scale: 'understandable', name: 'A logical order' },
  { number: 11, scale: 'understandable', name: 'A summary' },
  { number: 12, scale: 'understandable', name: 'Visual cues point to key points' },
  {
    number: 15,
    scale: 'understandable',
    name: 'Visual aids wherever they would help understanding',
  },
  { number: 16, scale: 'understandable', name: 'Visual aids reinforce the content' },
  { number: 17, scale: 'understandable', name: 'Visual aids have clear titles or captions' },
  { number: 18, scale: 'understandable', name: 'Illustrations are clear and uncluttered' },
  { number: 19, scale: 'understandable', name: 'Simple tables with clear headings' },
  { number: 20, scale: 'actionable', name: 'At least one clear action' },
  { number: 21, scale: 'actionable', name: 'Speaks to the reader when describing actions' },
  { number: 22, scale: 'actionable', name: 'Actions broken into explicit steps' },
  { number: 23, scale: 'actionable', name: 'A tangible tool where it would help' },
  { number: 24, scale: 'actionable', name: 'Explains any calculation' },
  { number: 25, scale: 'actionable', name: 'Explains how to use charts and tables' },
  { number: 26, scale: 'actionable', name: 'Visual aids wherever they would help action' },
]

/** A sheet in every language, so a check holds for all of them. */
export type SheetVersions = readonly { locale: Locale; sheet: ContentDocument }[]

interface Judgement {
  rating: PematRating
  reason: string
  /** Returns why the content no longer supports this rating, or null while it does. */
  check?: (sheets: SheetVersions) => string | null
}

const blocksOf = (sheets: SheetVersions) => sheets.flatMap(({ sheet }) => sheet.blocks)
const every = (
  sheets: SheetVersions,
  test: (sheet: ContentDocument, locale: Locale) => boolean,
  why: string,
) => (sheets.every(({ sheet, locale }) => test(sheet, locale)) ? null : why)
const has = (kind: Block['kind']) => (sheets: SheetVersions) =>
  every(
    sheets,
    (sheet) => sheet.blocks.some((b) => b.kind === kind),
    `a sheet has no ${kind} block`,
  )

const summaryFirst = (sheets: SheetVersions) =>
  every(
    sheets,
    (sheet) => sheet.blocks[0]?.kind === 'summary',
    'a sheet does not open with its main points',
  )

const readable = (sheets: SheetVersions) =>
  every(
    sheets,
    (sheet, locale) => {
      const figures = analyseText(documentBodyText(sheet), locale)
      return locale === 'en'
        ? (figures.fkGrade ?? 99) <= readabilityLimits.maxFkGrade
        : (figures.fernandezHuerta ?? 0) >= readabilityLimits.minFernandezHuerta
    },
    'a sheet is above the reading-level limit',
  )

const titled = (sheets: SheetVersions) =>
  blocksOf(sheets).every((b) => (b.kind === 'list' || b.kind === 'steps' ? !!b.title : true))
    ? null
    : 'a list or a set of steps has no heading'

const captioned = (sheets: SheetVersions) =>
  blocksOf(sheets).every((b) => (b.kind === 'image' ? !!b.caption : true))
    ? null
    : 'a picture has no caption'

const stepsToFollow = (sheets: SheetVersions) =>
  every(
    sheets,
    (sheet) => sheet.blocks.some((b) => b.kind === 'steps' && b.items.length >= 2),
    'a sheet has no numbered steps',
  )

const chairVersionsDrawn = (sheets: SheetVersions) =>
  blocksOf(sheets).every((b) => (b.kind === 'stretch' ? !!b.alternative : true)) &&
  blocksOf(sheets).some((b) => b.kind === 'stretch')
    ? null
    : 'a stretch has no chair version with its drawing'

const logExplained = (sheets: SheetVersions) =>
  blocksOf(sheets).every((b) => (b.kind === 'log' ? b.text.length > 0 : true))
    ? null
    : 'a log does not say how to use it'

/** Each medical term that a sheet uses must come with its plain meaning in brackets. */
const defines = (terms: readonly RegExp[]) => (sheets: SheetVersions) => {
  const text = sheets.map(({ sheet }) => documentBodyText(sheet).join('\n')).join('\n')
  const bare = terms.filter((term) => {
    const uses = [...text.matchAll(new RegExp(term.source, 'gi'))]
    return uses.length > 0 && !new RegExp(`${term.source}\\s*\\(`, 'i').test(text)
  })
  return bare.length
    ? `a term is used without its meaning: ${bare.map((t) => t.source).join(', ')}`
    : null
}

const agree = (reason: string, check?: Judgement['check']): Judgement => ({
  rating: 'agree',
  reason,
  ...(check ? { check } : {}),
})
const notApplicable = (reason: string): Judgement => ({ rating: 'not applicable', reason })
const disagree = (reason: string): Judgement => ({ rating: 'disagree', reason })

/** Items judged alike on all three sheets. */
const common: Record<number, Judgement> = {
  1: agree('The title says what the sheet is for and it opens with its main points.', summaryFirst),
  3: agree('Short everyday words; every sheet is within the reading-level limits.', readable),
  5: agree(
    'Instructions are written to "you" in the active voice ("Walk gently", "Ask a pharmacist").',
  ),
  6: agree('Numbers are digits with their unit: "15 to 20 minutes", "every 30 to 60 minutes".'),
  7: agree('Nothing to work out: amounts are given as they are to be used.'),
  9: agree('Every list, box and set of steps has a heading that says what it is about.', titled),
  11: agree('"The main points" box at the top sums up the sheet.', summaryFirst),
  12: agree(
    'Boxes with their own border and symbol for each kind of advice, bold headings and bullets.',
    has('callout'),
  ),
  17: agree('Every picture has a caption that says the action it shows.', captioned),
  18: agree('Simple line drawings of one person and one action each, printed in black.'),
  20: agree('Each sheet says what to do first, in numbered steps.', stepsToFollow),
  21: agree('Every action speaks to the reader ("Get up and move", "Tick a box").'),
  22: agree('Actions are numbered steps of one move each.', stepsToFollow),
  24: notApplicable('No calculations.'),
}

export const pematJudgements: Record<string, Record<number, Judgement>> = {
  prevention: {
    ...common,
    2: agree(
      'Only prevention; treatment and warning signs are left to the home care sheet, which it names.',
    ),
    4: agree('No medical terms are needed on this sheet.'),
    8: agree('Six short sections of three to five items each.'),
    10: agree(
      'Main points, weekly activity, daily habits at work, lifting, health habits, then a plan.',
    ),
    15: agree('Lifting, the one physical technique on the sheet, has a drawing.', has('image')),
    16: agree('The drawing shows the same lift the steps beside it describe.', has('image')),
    19: notApplicable('No tables.'),
    23: agree('"My plan" box to write a habit, when, and how many minutes.', has('plan')),
    25: notApplicable('No charts or tables.'),
    26: agree('The lifting drawing shows the action to copy.', has('image')),
  },
  stretches: {
    ...common,
    2: agree('Only the stretches and how to do them safely.'),
    4: agree(
      'The one medical term, osteoporosis, is explained in brackets.',
      defines([/osteoporosis/]),
    ),
    8: agree('A short box per stretch, and short lists before them.'),
    10: agree(
      'Main points, who should skip what, when to stop, getting to the floor, then the stretches and a log.',
    ),
    15: agree('Every stretch and its chair version has a drawing.', chairVersionsDrawn),
    16: agree('Each drawing shows the position its steps describe.', has('stretch')),
    19: agree(
      'The log is a simple grid: times of day down the side, days across the top.',
      has('log'),
    ),
    23: agree('A daily tick-box log of the stretches.', has('log')),
    25: agree('The log says how to use it: tick a box each time.', logExplained),
    26: agree('Drawings show every stretch, on the floor and in a chair.', chairVersionsDrawn),
  },
  'home-care': {
    ...common,
    2: agree('First-days care on the front, when to get help on the back; nothing else.'),
    4: agree(
      'Osteoporosis is explained in brackets; other words are everyday ones.',
      defines([/osteoporosis/]),
    ),
    8: disagree(
      'Sections are short, except the two help lists (10 and 14 signs): every warning sign has to be there, so they are longer than 7 items, boxed and in two columns.',
    ),
    10: agree(
      'Main points, what to do, cautions, daily tips and a plan; then the help lists from most to least urgent.',
    ),
    15: agree(
      'Getting out of bed, the one movement that is hard to picture from words, has a drawing.',
      has('image'),
    ),
    16: agree('The drawing shows the roll onto the side that its caption describes.', has('image')),
    19: notApplicable('No tables.'),
    23: agree(
      '"My plan" box for the medicine, dose, how long, and the follow-up date.',
      has('plan'),
    ),
    25: notApplicable('No charts or tables.'),
    26: agree('The drawing shows how to get out of bed.', has('image')),
  },
}

export interface PematItemScore extends PematItem {
  rating: PematRating
  reason: string
}

export interface PematScore {
  sheet: string
  understandable: number
  actionable: number
  items: PematItemScore[]
}

/** PEMAT's score: items rated "agree" over all items that apply, as a whole percentage. */
function percent(items: readonly PematItemScore[], scale: PematScale): number {
  const applicable = items.filter(
    (item) => item.scale === scale && item.rating !== 'not applicable',
  )
  const agreed = applicable.filter((item) => item.rating === 'agree').length
  return applicable.length === 0 ? 100 : Math.round((agreed / applicable.length) * 100)
}

/**
 * Scores one sheet from its judgements, re-checking each against the content as it is now. A
 * sheet without judgements scores every item "disagree", so a new sheet must be scored by hand.
 */
export function scorePemat(id: string, sheets: SheetVersions): PematScore {
  const judgements = pematJudgements[id] ?? {}
  const items = pematItems.map((item): PematItemScore => {
    const judgement = judgements[item.number]
    if (!judgement) return { ...item, rating: 'disagree', reason: 'Not scored yet.' }
    const broken = judgement.check?.(sheets)
    return broken
      ? { ...item, rating: 'disagree', reason: `No longer true: ${broken}.` }
      : { ...item, rating: judgement.rating, reason: judgement.reason }
  })
  return {
    sheet: id,
    understandable: percent(items, 'understandable'),
    actionable: percent(items, 'actionable'),
    items,
  }
}
