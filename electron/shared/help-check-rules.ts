/**
 * The "Should I get help?" decision table. The wording of each question is content (one file
 * per language); what an answer means is fixed here, once for both languages, so an edit to the
 * words can never change who is sent to the emergency department. The same table is written
 * out for a clinician in docs/help-check-sign-off.md, and a test walks every path of this one
 * against that one.
 */

export const helpAnswers = ['yes', 'no', 'unsure'] as const
export type HelpAnswer = (typeof helpAnswers)[number]

/** Every result the check can give, most urgent first. */
const helpOutcomes = ['emergency', 'ask-now', 'soon-urgent', 'soon', 'visit', 'home'] as const
export type HelpOutcome = (typeof helpOutcomes)[number]

/** Which list of "When to get help" a question comes from; it sets what "Not sure" means. */
export type HelpGroup = 'emergency' | 'soon' | 'visit'

export interface HelpQuestionRule {
  id: string
  group: HelpGroup
  /** The result a "yes" gives on its own; null when it only counts together with another answer. */
  yes: HelpOutcome | null
  /** The result of "Not sure". */
  unsure: HelpOutcome | null
  /** Only asked when an earlier question had one of these answers. */
  askIf?: { id: string; answers: readonly HelpAnswer[] }
  /** About private parts of the body, sex or drugs: the screen says it is answered by touch. */
  sensitive?: boolean
}

/** A result that needs more than one answer: every listed question answered "yes" or "not sure". */
interface HelpCombinationRule {
  id: string
  all: readonly string[]
  outcome: HelpOutcome
}

/** "Not sure" about an emergency sign cannot wait for a doctor tomorrow: a person checks now. */
const emergency = (id: string, sensitive = false): HelpQuestionRule => ({
  id,
  group: 'emergency',
  yes: 'emergency',
  unsure: 'ask-now',
  ...(sensitive ? { sensitive } : {}),
})
/** On the other lists "Not sure" counts as "yes": it is safer to be seen than to guess. */
const counted = (
  group: 'soon' | 'visit',
  id: string,
  alone: HelpOutcome | null,
  extra: Partial<HelpQuestionRule> = {},
): HelpQuestionRule => ({ id, group, yes: alone, unsure: alone, ...extra })
const yesOrUnsure: readonly HelpAnswer[] = ['yes', 'unsure']

/** In asking order: every emergency sign first, so the most urgent answer comes soonest. */
export const helpQuestionRules: readonly HelpQuestionRule[] = [
  emergency('both-legs'),
  emergency('one-leg-weak'),
  emergency('foot-drag'),
  emergency('saddle-feeling', true),
  emergency('wiping-feeling', true),
  emergency('passing-urine', true),
  emergency('bladder-full', true),
  emergency('urine-leak', true),
  emergency('bowel-control', true),
  emergency('erection', true),
  emergency('sex-feeling', true),
  emergency('serious-injury'),
  emergency('chest-pain'),
  emergency('faint-sweaty'),
  // Fever comes first among the rest: with fever, the infection risks below make it urgent.
  counted('soon', 'fever', 'soon'),
  counted('soon', 'weak-immune', 'soon'),
  counted('soon', 'inject-drugs', 'soon', { sensitive: true }),
  counted('soon', 'recent-infection', null, { askIf: { id: 'fever', answers: yesOrUnsure } }),
  counted('soon', 'spine-procedure', null, { askIf: { id: 'fever', answers: yesOrUnsure } }),
  counted('soon', 'cancer', 'soon'),
  counted('soon', 'weight-loss', 'soon'),
  // A spasm is always new pain: what guidelines mean is a first episode at these ages.
  counted('soon', 'first-episode', null),
  counted('soon', 'age-50', null, { askIf: { id: 'first-episode', answers: yesOrUnsure } }),
  counted('soon', 'under-20', null, { askIf: { id: 'first-episode', answers: yesOrUnsure } }),
  counted('soon', 'unlike-before', 'soon', { askIf: { id: 'first-episode', answers: ['no'] } }),
  counted('soon', 'osteoporosis', 'soon'),
  counted('soon', 'steroids', 'soon'),
  counted('soon', 'rest-pain', 'soon'),
  counted('soon', 'back-shape', 'soon'),
  counted('soon', 'between-shoulders', 'soon'),
  counted('soon', 'cannot-cope', 'soon'),
  // Leg pain below the knee that is settling is sciatica to book a visit for, not for today.
  counted('soon', 'leg-below-knee', 'visit'),
  counted('soon', 'leg-worse', null, { askIf: { id: 'leg-below-knee', answers: yesOrUnsure } }),
  counted('soon', 'leg-numbness', 'soon'),
  counted('soon', 'cough-leg', 'soon'),
  counted('visit', 'not-improving', 'visit'),
  counted('visit', 'getting-worse', 'visit'),
  counted('visit', 'keeps-returning', 'visit'),
  counted('visit', 'stops-work', 'visit'),
  counted('visit', 'stops-sleep', 'visit'),
]

const helpCombinationRules: readonly HelpCombinationRule[] = [
  { id: 'fever-weak-immune', all: ['fever', 'weak-immune'], outcome: 'soon-urgent' },
  { id: 'fever-inject-drugs', all: ['fever', 'inject-drugs'], outcome: 'soon-urgent' },
  { id: 'fever-recent-infection', all: ['fever', 'recent-infection'], outcome: 'soon-urgent' },
  { id: 'fever-spine-procedure', all: ['fever', 'spine-procedure'], outcome: 'soon-urgent' },
  { id: 'first-episode-age-50', all: ['first-episode', 'age-50'], outcome: 'soon' },
  { id: 'first-episode-under-20', all: ['first-episode', 'under-20'], outcome: 'soon' },
  { id: 'leg-below-knee-worse', all: ['leg-below-knee', 'leg-worse'], outcome: 'soon' },
]

export const helpQuestionIds: readonly string[] = helpQuestionRules.map((rule) => rule.id)

export interface HelpAnswered {
  id: string
  answer: HelpAnswer
}

export type HelpStep =
  | { kind: 'question'; rule: HelpQuestionRule; number: number; total: number }
  | { kind: 'outcome'; outcome: HelpOutcome }

const rank = (outcome: HelpOutcome | null): number =>
  outcome === null ? helpOutcomes.length : helpOutcomes.indexOf(outcome)
const moreUrgent = (a: HelpOutcome, b: HelpOutcome | null): HelpOutcome =>
  b !== null && rank(b) < rank(a) ? b : a
const counts = (answer: HelpAnswer | undefined) => answer === 'yes' || answer === 'unsure'

/** The result of the answers given so far, as if every question not yet asked were "no". */
function helpOutcomeOf(answers: ReadonlyMap<string, HelpAnswer>): HelpOutcome {
  let outcome: HelpOutcome = 'home'
  for (const rule of helpQuestionRules) {
    const answer = answers.get(rule.id)
    if (answer === 'yes') outcome = moreUrgent(outcome, rule.yes)
    if (answer === 'unsure') outcome = moreUrgent(outcome, rule.unsure)
  }
  for (const combination of helpCombinationRules)
    if (combination.all.every((id) => counts(answers.get(id))))
      outcome = moreUrgent(outcome, combination.outcome)
  return outcome
}

function askable(rule: HelpQuestionRule, answers: ReadonlyMap<string, HelpAnswer>): boolean {
  if (answers.has(rule.id)) return false
  if (!rule.askIf) return true
  const earlier = answers.get(rule.askIf.id)
  return earlier !== undefined && rule.askIf.answers.includes(earlier)
}

/** The most urgent result this question could still lead to, given the answers so far. */
function potential(rule: HelpQuestionRule, answers: ReadonlyMap<string, HelpAnswer>): HelpOutcome {
  let best: HelpOutcome = moreUrgent(moreUrgent('home', rule.yes), rule.unsure)
  for (const combination of helpCombinationRules)
    if (
      combination.all.includes(rule.id) &&
      combination.all.every((id) => answers.get(id) !== 'no')
    )
      best = moreUrgent(best, combination.outcome)
  return best
}

/**
 * The next question worth asking: the first in order that could still make the result more
 * urgent. None left means the result is settled, so the check never stops before an answer
 * that could matter, and never asks one that cannot.
 */
function nextRule(answers: ReadonlyMap<string, HelpAnswer>): HelpQuestionRule | undefined {
  const current = rank(helpOutcomeOf(answers))
  return helpQuestionRules.find(
    (rule) => askable(rule, answers) && rank(potential(rule, answers)) < current,
  )
}

/**
 * What to show after these answers (in the order given). The total counts the questions
 * still to come if every answer from here were "no", so it is exact on that path and only
 * ever changes when an answer brings in a follow-up question.
 */
export function nextHelpStep(answered: readonly HelpAnswered[]): HelpStep {
  const answers = new Map(answered.map((entry) => [entry.id, entry.answer]))
  const rule = nextRule(answers)
  if (!rule) return { kind: 'outcome', outcome: helpOutcomeOf(answers) }
  const ahead = new Map(answers)
  let remaining = 0
  for (let next: HelpQuestionRule | undefined = rule; next; next = nextRule(ahead)) {
    ahead.set(next.id, 'no')
    remaining += 1
  }
  return {
    kind: 'question',
    rule,
    number: answered.length + 1,
    total: answered.length + remaining,
  }
}
