import type { Block, ContentDocument, HelpCheck, LocaleContent, Site } from './content-schema'

/**
 * Whether two languages say the same thing. Wording may differ freely inside a block, but a
 * visitor must be told the same things to do, and when: the same blocks in the same order,
 * the same list lengths, the same structured numbers (hold seconds, repetitions) and the same
 * numbers and {placeholders} in each piece of text. Used by `npm run content:check`, its test,
 * and the staff editor, which shows a difference but never blocks a clinic's own edit.
 */

/** Where a difference is: a block by its position (null for the document itself) and a field. */
interface Where {
  block: number | null
  field: string
}

export type ParityIssue = Where &
  (
    | { kind: 'count'; reference: number; other: number }
    | { kind: 'value'; reference: string; other: string }
    | { kind: 'presence'; reference: boolean; other: boolean }
    | { kind: 'numbers' | 'placeholders'; reference: string[]; other: string[] }
  )

/** Numbers as written, with a decimal comma read as a point ("1,5" is "1.5"). */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)?/g)].map((match) => match[0].replace(',', '.')).sort()
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{\w+\}/g)].map((match) => match[0]).sort()
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i])

class Comparison {
  readonly issues: ParityIssue[] = []
  constructor(private readonly block: number | null) {}

  /** Whether only one language has this field, noting it if so. */
  private onlyOne(field: string, reference: unknown, other: unknown): boolean {
    if ((reference === undefined) === (other === undefined)) return false
    this.issues.push({
      block: this.block,
      field,
      kind: 'presence',
      reference: reference !== undefined,
      other: other !== undefined,
    })
    return true
  }

  count(field: string, reference: number, other: number): void {
    if (reference !== other)
      this.issues.push({ block: this.block, field, kind: 'count', reference, other })
  }

  value(field: string, reference: string | number, other: string | number): void {
    if (reference !== other)
      this.issues.push({
        block: this.block,
        field,
        kind: 'value',
        reference: String(reference),
        other: String(other),
      })
  }

  /** One piece of text: the same numbers and placeholders, whatever the words. */
  text(field: string, reference: string | undefined, other: string | undefined): void {
    if (this.onlyOne(field, reference, other)) return
    if (reference === undefined || other === undefined) return
    for (const [kind, extract] of [
      ['numbers', numbersIn],
      ['placeholders', placeholdersIn],
    ] as const) {
      const [a, b] = [extract(reference), extract(other)]
      if (!sameList(a, b))
        this.issues.push({ block: this.block, field, kind, reference: a, other: b })
    }
  }

  /** A list of texts: the same length, and item by item the same numbers and placeholders. */
  texts(
    field: string,
    reference: readonly string[] | undefined,
    other: readonly string[] | undefined,
  ) {
    if (this.onlyOne(field, reference, other)) return
    if (!reference || !other) return
    if (reference.length !== other.length) {
      this.count(field, reference.length, other.length)
      return
    }
    reference.forEach((item, i) => this.text(`${field}.${i + 1}`, item, other[i]))
  }
}

/** The counterpart block, once its kind is known to be the same (TypeScript cannot see that). */
const sameKind = <K extends Block['kind']>(block: Block, _kind: K) =>
  block as Extract<Block, { kind: K }>

/** The differences between one block and its counterpart in the other language. */
export function blockParity(reference: Block, other: Block, index: number): ParityIssue[] {
  const compare = new Comparison(index)
  if (reference.kind !== other.kind) {
    compare.value('kind', reference.kind, other.kind)
    return compare.issues
  }
  switch (reference.kind) {
    case 'paragraph':
      compare.text('text', reference.text, sameKind(other, reference.kind).text)
      break
    case 'list':
    case 'steps':
    case 'summary': {
      const b = sameKind(other, reference.kind)
      compare.text('title', reference.title, b.title)
      compare.texts('items', reference.items, b.items)
      break
    }
    case 'callout': {
      const b = sameKind(other, reference.kind)
      compare.value('tone', reference.tone, b.tone)
      compare.value('icon', reference.icon ?? '', b.icon ?? '')
      compare.text('title', reference.title, b.title)
      compare.text('text', reference.text, b.text)
      compare.texts('items', reference.items, b.items)
      break
    }
    case 'image': {
      const b = sameKind(other, reference.kind)
      compare.value('illustration', reference.illustration, b.illustration)
      compare.text('caption', reference.caption, b.caption)
      break
    }
    case 'qa': {
      const b = sameKind(other, reference.kind)
      compare.texts(
        'questions',
        reference.pairs.map((pair) => pair.question),
        b.pairs.map((pair) => pair.question),
      )
      compare.texts(
        'answers',
        reference.pairs.map((pair) => pair.answer),
        b.pairs.map((pair) => pair.answer),
      )
      break
    }
    case 'stretch': {
      const b = sameKind(other, reference.kind)
      compare.value('id', reference.id, b.id)
      compare.value('illustration', reference.illustration, b.illustration)
      compare.value('holdSeconds', reference.holdSeconds, b.holdSeconds)
      compare.value('repetitions', reference.repetitions, b.repetitions)
      compare.text('title', reference.title, b.title)
      compare.texts('steps', reference.steps, b.steps)
      compare.text('alternative', reference.alternative?.title, b.alternative?.title)
      if (reference.alternative && b.alternative) {
        compare.value(
          'alternative.illustration',
          reference.alternative.illustration,
          b.alternative.illustration,
        )
        compare.texts('alternative.steps', reference.alternative.steps, b.alternative.steps)
      }
      break
    }
    case 'plan': {
      const b = sameKind(other, reference.kind)
      compare.text('title', reference.title, b.title)
      compare.text('text', reference.text, b.text)
      compare.texts('fields', reference.fields, b.fields)
      break
    }
    case 'log': {
      const b = sameKind(other, reference.kind)
      compare.value('days', reference.days, b.days)
      compare.text('title', reference.title, b.title)
      compare.text('text', reference.text, b.text)
      compare.texts('rows', reference.rows, b.rows)
      break
    }
    case 'page-break':
      break
  }
  return compare.issues
}

/** The differences between a section or sheet and the same document in the other language. */
export function documentParity(reference: ContentDocument, other: ContentDocument): ParityIssue[] {
  const compare = new Comparison(null)
  compare.value('illustration', reference.illustration, other.illustration)
  compare.value('order', reference.order, other.order)
  compare.value('lastReviewed', reference.lastReviewed, other.lastReviewed)
  compare.text('title', reference.title, other.title)
  compare.text('summary', reference.summary, other.summary)
  compare.count('blocks', reference.blocks.length, other.blocks.length)
  const blocks = reference.blocks.flatMap((block, i) => {
    const counterpart = other.blocks[i]
    return counterpart ? blockParity(block, counterpart, i) : []
  })
  return [...compare.issues, ...blocks]
}

export function helpCheckParity(reference: HelpCheck, other: HelpCheck): ParityIssue[] {
  const compare = new Comparison(null)
  compare.text('intro', reference.intro, other.intro)
  compare.text('disclaimer', reference.disclaimer, other.disclaimer)
  const words = new Map(other.questions.map((question) => [question.id, question.text]))
  for (const question of reference.questions)
    compare.text(`questions.${question.id}`, question.text, words.get(question.id))
  for (const [outcome, text] of Object.entries(reference.outcomes)) {
    const counterpart = other.outcomes[outcome as keyof HelpCheck['outcomes']]
    compare.text(`outcomes.${outcome}.title`, text.title, counterpart.title)
    compare.text(`outcomes.${outcome}.action`, text.action, counterpart.action)
    compare.texts(`outcomes.${outcome}.items`, text.items, counterpart.items)
  }
  return compare.issues
}

function siteParity(reference: Site, other: Site): ParityIssue[] {
  const compare = new Comparison(null)
  compare.text('topic', reference.topic, other.topic)
  compare.text('tagline', reference.tagline, other.tagline)
  compare.text('disclaimer', reference.disclaimer, other.disclaimer)
  return compare.issues
}

export interface FileParity {
  /** The file below content/<locale>/, e.g. "sections/get-help.yaml". */
  file: string
  issues: ParityIssue[]
}

/**
 * Every file of one language against the same file of the reference language. A section or
 * sheet that only one language has is the content check's id comparison, not reported here.
 */
export function localeParity(reference: LocaleContent, other: LocaleContent): FileParity[] {
  const documents = (folder: 'sections' | 'sheets') =>
    reference[folder].flatMap((doc) => {
      const counterpart = other[folder].find((candidate) => candidate.id === doc.id)
      return counterpart
        ? [{ file: `${folder}/${doc.id}.yaml`, issues: documentParity(doc, counterpart) }]
        : []
    })
  return [
    { file: 'site.yaml', issues: siteParity(reference.site, other.site) },
    { file: 'help-check.yaml', issues: helpCheckParity(reference.helpCheck, other.helpCheck) },
    { file: 'about.yaml', issues: documentParity(reference.about, other.about) },
    ...documents('sections'),
    ...documents('sheets'),
  ]
}
