import { describe, expect, it } from 'vitest'
import { nextHelpStep, type HelpAnswer, type HelpAnswered } from '@shared/help-check-rules'
import { answerQuestion, previousQuestion } from '@/components/help-check/help-check-flow'

/** Answers the check question by question: "no" unless the id is given another answer. */
function run(answers: Record<string, HelpAnswer>, limit = 60) {
  let given: HelpAnswered[] = []
  for (let n = 0; n < limit; n += 1) {
    const step = nextHelpStep(given)
    if (step.kind === 'outcome') return { outcome: step.outcome, asked: given.map((a) => a.id) }
    given = answerQuestion(given, step.rule.id, answers[step.rule.id] ?? 'no')
  }
  throw new Error('the check did not end')
}

describe('help check flow', () => {
  it('asks the emergency signs first, one at a time, counting the questions on the way', () => {
    expect(nextHelpStep([])).toMatchObject({
      kind: 'question',
      rule: { id: 'both-legs', group: 'emergency' },
      number: 1,
      total: 35,
    })
    const { asked } = run({})
    expect(asked).toHaveLength(35)
    expect(asked.indexOf('faint-sweaty')).toBeLessThan(asked.indexOf('fever'))
  })

  it('ends at once on emergency when an emergency sign is a yes', () => {
    expect(run({ 'chest-pain': 'yes' })).toMatchObject({ outcome: 'emergency' })
    expect(run({ 'chest-pain': 'yes' }).asked.at(-1)).toBe('chest-pain')
  })

  it('sends a "not sure" on an emergency sign to the front desk, after the other emergency signs', () => {
    const unsure = run({ 'saddle-feeling': 'unsure' })
    expect(unsure.outcome).toBe('ask-now')
    expect(unsure.asked.at(-1)).toBe('faint-sweaty')
    expect(run({ 'saddle-feeling': 'unsure', 'chest-pain': 'yes' }).outcome).toBe('emergency')
  })

  it('counts "not sure" as yes on a today sign', () => {
    expect(run({ cancer: 'unsure' }).outcome).toBe('soon')
    expect(run({ 'stops-sleep': 'unsure' }).outcome).toBe('visit')
  })

  it('makes a fever with an infection risk urgent, and asks about those risks only with a fever', () => {
    expect(run({ fever: 'yes', 'inject-drugs': 'yes' }).outcome).toBe('soon-urgent')
    expect(run({ fever: 'unsure', 'spine-procedure': 'yes' }).outcome).toBe('soon-urgent')
    expect(run({ fever: 'yes' })).toMatchObject({ outcome: 'soon' })
    expect(run({}).asked).not.toContain('recent-infection')
    expect(run({ 'weak-immune': 'yes' }).outcome).toBe('soon')
  })

  it('asks age only about a first episode, and "unlike any before" only about a later one', () => {
    expect(run({ 'first-episode': 'yes', 'age-50': 'yes' }).outcome).toBe('soon')
    expect(run({ 'first-episode': 'yes', 'under-20': 'yes' }).outcome).toBe('soon')
    expect(run({ 'first-episode': 'yes' }).asked).toEqual(
      expect.arrayContaining(['age-50', 'under-20']),
    )
    expect(run({ 'first-episode': 'yes' }).asked).not.toContain('unlike-before')
    expect(run({}).asked).not.toContain('age-50')
    expect(run({ 'unlike-before': 'yes' }).outcome).toBe('soon')
  })

  it('sends leg pain below the knee to today only when it is getting worse', () => {
    expect(run({ 'leg-below-knee': 'yes', 'leg-worse': 'yes' }).outcome).toBe('soon')
    const settling = run({ 'leg-below-knee': 'yes' })
    expect(settling.outcome).toBe('visit')
    // The other today signs are still asked; the book-a-visit ones no longer matter.
    expect(settling.asked).toContain('cough-leg')
    expect(settling.asked).not.toContain('stops-work')
  })

  it('ends on home care when every answer is no', () => {
    expect(run({}).outcome).toBe('home')
  })

  it('goes back one question, forgetting only the last answer', () => {
    const answers = answerQuestion(answerQuestion([], 'both-legs', 'no'), 'one-leg-weak', 'yes')
    expect(nextHelpStep(answers)).toEqual({ kind: 'outcome', outcome: 'emergency' })
    const back = previousQuestion(answers)
    expect(back).toEqual([{ id: 'both-legs', answer: 'no' }])
    expect(nextHelpStep(back)).toMatchObject({ rule: { id: 'one-leg-weak' }, number: 2 })
    expect(previousQuestion([])).toEqual([])
  })
})
