import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContentStore } from '../../../electron/services/content-store'
import type { LocaleContent } from '../../../electron/shared/content-schema'
import {
  helpAnswers,
  nextHelpStep,
  type HelpAnswer,
  type HelpAnswered,
  type HelpOutcome,
} from '../../../electron/shared/help-check-rules'

/**
 * The clinician's sign-off table (docs/help-check-sign-off.md) is the reference: this test reads
 * it, works out on its own what each set of answers should give, and walks every path the
 * check can take against it.
 */

const signOff = readFileSync(
  fileURLToPath(new URL('../../../docs/help-check-sign-off.md', import.meta.url)),
  'utf8',
)

/** The body rows of the first Markdown table under a heading, as trimmed cells. */
function table(heading: string): string[][] {
  const start = signOff.indexOf(`\n## ${heading}\n`)
  if (start < 0) throw new Error(`docs/help-check-sign-off.md has no "## ${heading}" section`)
  const end = signOff.indexOf('\n## ', start + 1)
  const lines = signOff
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
  return lines.slice(2).map((line) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, '|').replace(/`/g, '')),
  )
}

const results = table('Results, most urgent first').map(([name, key, en, es]) => ({
  name: name!,
  key: key as HelpOutcome,
  en: en!,
  es: es!,
}))
const resultNamed = (name: string): HelpOutcome | null => {
  if (name === '—') return null
  const found = results.find((result) => result.name === name)
  if (!found) throw new Error(`unknown result "${name}" in the sign-off table`)
  return found.key
}
const answerNamed = (word: string): HelpAnswer => (word === 'not sure' ? 'unsure' : (word as HelpAnswer))

interface SignedQuestion {
  id: string
  list: string
  asked: { id: string; answers: HelpAnswer[] } | null
  yes: HelpOutcome | null
  unsure: HelpOutcome | null
  private: boolean
  en: string
  es: string
}
const questions: SignedQuestion[] = table('Questions, in the order they are asked').map(
  ([, id, list, asked, yes, unsure, privately, en, es]) => {
    const condition = asked!.match(/^if (\S+) is (.+)$/)
    return {
      id: id!,
      list: list!,
      asked: condition
        ? { id: condition[1]!, answers: condition[2]!.split(' or ').map(answerNamed) }
        : null,
      yes: resultNamed(yes!),
      unsure: resultNamed(unsure!),
      private: privately === 'yes',
      en: en!,
      es: es!,
    }
  },
)
const combinations = table('Combinations').map(([id, members, result]) => ({
  id: id!,
  members: members!.split(', '),
  result: resultNamed(result!)!,
}))

const urgency = (outcome: HelpOutcome) => results.findIndex((result) => result.key === outcome)
const counts = (answer: HelpAnswer | undefined) => answer === 'yes' || answer === 'unsure'

/** What the signed table says these answers give: the most urgent result any of them leads to. */
function signedOutcome(answers: ReadonlyMap<string, HelpAnswer>): HelpOutcome {
  const reached: HelpOutcome[] = ['home']
  for (const question of questions) {
    const answer = answers.get(question.id)
    const result = answer === 'yes' ? question.yes : answer === 'unsure' ? question.unsure : null
    if (result) reached.push(result)
  }
  for (const combination of combinations)
    if (combination.members.every((id) => counts(answers.get(id)))) reached.push(combination.result)
  return reached.sort((a, b) => urgency(a) - urgency(b))[0]!
}

const askedNow = (question: SignedQuestion, answers: ReadonlyMap<string, HelpAnswer>) =>
  !question.asked || question.asked.answers.includes(answers.get(question.asked.id) as HelpAnswer)

/** The answers with every question not asked, that the table would allow, set to one answer. */
function filledIn(answers: ReadonlyMap<string, HelpAnswer>, fill: HelpAnswer) {
  const all = new Map(answers)
  for (const question of questions)
    if (!all.has(question.id) && askedNow(question, all)) all.set(question.id, fill)
  return all
}

interface Path {
  answers: HelpAnswered[]
  outcome: HelpOutcome
}

/** Whether each question the check asked was shown as private, by id. */
const shownPrivate = new Map<string, boolean>()

/** Every path through the check: each question it asks, answered each possible way. */
function walk(answers: HelpAnswered[] = [], paths: Path[] = []): Path[] {
  const step = nextHelpStep(answers)
  if (step.kind === 'outcome') {
    paths.push({ answers, outcome: step.outcome })
    return paths
  }
  shownPrivate.set(step.rule.id, step.rule.sensitive === true)
  for (const answer of helpAnswers) walk([...answers, { id: step.rule.id, answer }], paths)
  return paths
}
const paths = walk()
const describePath = (path: Path) =>
  path.answers.map((entry) => `${entry.id}=${entry.answer}`).join(' ') || '(no answers)'

describe('the help check against its sign-off table', () => {
  it('walks every path, and reaches every result', () => {
    // Emergency signs: a "yes" ends the check at once, "no" and "not sure" go on to the next.
    // So there are 2^14 - 1 ways to reach "Emergency", as many to end on "Ask the front desk
    // now" (a "not sure" somewhere and no "yes"), and one all-"no" way on to the other lists.
    const emergencySigns = questions.filter((q) => q.list === 'Emergency').length
    const byOutcome = (outcome: HelpOutcome) => paths.filter((p) => p.outcome === outcome).length
    expect(byOutcome('emergency')).toBe(2 ** emergencySigns - 1)
    expect(byOutcome('ask-now')).toBe(2 ** emergencySigns - 1)
    // The figure reported with issue 14; it changes only when the table does.
    expect(paths.length).toBe(32_925)
    expect(new Set(paths.map((path) => path.outcome))).toEqual(
      new Set(results.map((result) => result.key)),
    )
  })

  it('ends every path on the result the table gives for its answers', () => {
    const wrong = paths.filter((path) => {
      const signed = signedOutcome(new Map(path.answers.map((a) => [a.id, a.answer])))
      return signed !== path.outcome
    })
    expect(wrong.slice(0, 5).map(describePath)).toEqual([])
  })

  it('never stops while an answer not yet asked could make the result more urgent', () => {
    const early = paths.filter((path) => {
      const answers = new Map(path.answers.map((a) => [a.id, a.answer]))
      return (['yes', 'unsure'] as const).some(
        (fill) => signedOutcome(filledIn(answers, fill)) !== path.outcome,
      )
    })
    expect(early.slice(0, 5).map(describePath)).toEqual([])
  })

  it('ends every path with an emergency sign on the emergency result', () => {
    const emergencyIds = new Set(questions.filter((q) => q.list === 'Emergency').map((q) => q.id))
    const withSign = paths.filter((path) =>
      path.answers.some((a) => emergencyIds.has(a.id) && a.answer === 'yes'),
    )
    expect(withSign.length).toBeGreaterThan(1000)
    expect(withSign.filter((path) => path.outcome !== 'emergency')).toEqual([])
  })

  it('asks in the table order, every emergency sign first, and only when the table allows', () => {
    const order = questions.map((question) => question.id)
    const emergencyCount = questions.filter((q) => q.list === 'Emergency').length
    expect(questions.slice(0, emergencyCount).every((q) => q.list === 'Emergency')).toBe(true)
    for (const path of paths.slice(0, 2000).concat(paths.slice(-2000))) {
      const positions = path.answers.map((entry) => order.indexOf(entry.id))
      expect(positions.every((position, i) => position > (positions[i - 1] ?? -1))).toBe(true)
      const seen = new Map<string, HelpAnswer>()
      for (const entry of path.answers) {
        expect(askedNow(questions[order.indexOf(entry.id)]!, seen), describePath(path)).toBe(true)
        seen.set(entry.id, entry.answer)
      }
    }
  })

  it('asks every emergency and today sign of the table when every answer is "no"', () => {
    const allNo = paths.find((path) => path.answers.every((a) => a.answer === 'no'))!
    expect(allNo.outcome).toBe('home')
    const always = questions.filter((question) => !question.asked).map((question) => question.id)
    expect(allNo.answers.map((a) => a.id)).toEqual(
      questions.filter((q) => askedNow(q, new Map(allNo.answers.map((a) => [a.id, a.answer])))).map((q) => q.id),
    )
    for (const id of always) expect(allNo.answers.map((a) => a.id)).toContain(id)
  })

  it('asks every question of the table on some path, marked private as the table says', () => {
    expect([...shownPrivate.keys()].sort()).toEqual(questions.map((q) => q.id).sort())
    for (const question of questions)
      expect(shownPrivate.get(question.id), question.id).toBe(question.private)
  })
})

describe('the words of the check match the signed table', () => {
  const store = createContentStore({
    contentDir: fileURLToPath(new URL('../../../content', import.meta.url)),
  })
  const content = {} as Record<'en' | 'es', LocaleContent>
  beforeAll(async () => {
    for (const locale of ['en', 'es'] as const) content[locale] = (await store.load(locale)).content
  })

  it.each(['en', 'es'] as const)('every question and result title is worded as signed (%s)', (locale) => {
    const check = content[locale].helpCheck
    expect(check.questions.map((q) => [q.id, q.text])).toEqual(
      questions.map((q) => [q.id, q[locale]]),
    )
    for (const result of results) expect(check.outcomes[result.key].title).toBe(result[locale])
  })
})
