import { describe, expect, it } from 'vitest'
import {
  answerQuestion,
  nextStep,
  previousQuestion,
  type HelpAnswer,
  type HelpQuestion,
} from '@/components/help-check/help-check-flow'

// Listed out of order on purpose: emergency questions must still be asked first.
const questions: HelpQuestion[] = [
  { id: 'soon-a', tier: 'soon', text: 'Soon A?' },
  { id: 'emergency-a', tier: 'emergency', text: 'Emergency A?' },
  { id: 'soon-b', tier: 'soon', text: 'Soon B?' },
  { id: 'emergency-b', tier: 'emergency', text: 'Emergency B?' },
]

function askedAfter(answers: HelpAnswer[]): string {
  const step = nextStep(questions, answers)
  return step.kind === 'question' ? step.question.id : `outcome:${step.tier}`
}

describe('help check flow', () => {
  it('asks every emergency question before any soon question, counting them', () => {
    expect(nextStep(questions, [])).toMatchObject({
      kind: 'question',
      question: { id: 'emergency-a' },
      number: 1,
      total: 4,
    })
    expect(askedAfter(['no'])).toBe('emergency-b')
    expect(askedAfter(['no', 'no'])).toBe('soon-a')
    expect(nextStep(questions, ['no', 'no', 'no'])).toMatchObject({ number: 4, total: 4 })
  })

  it('ends at once on emergency when any emergency question is answered yes', () => {
    expect(nextStep(questions, ['yes'])).toEqual({ kind: 'outcome', tier: 'emergency' })
    expect(nextStep(questions, ['no', 'yes'])).toEqual({ kind: 'outcome', tier: 'emergency' })
  })

  it('ends on soon when a soon question is answered yes after all emergency ones were no', () => {
    expect(nextStep(questions, ['no', 'no', 'yes'])).toEqual({ kind: 'outcome', tier: 'soon' })
    expect(nextStep(questions, ['no', 'no', 'no', 'yes'])).toEqual({
      kind: 'outcome',
      tier: 'soon',
    })
  })

  it('ends on visit when every answer is no', () => {
    expect(nextStep(questions, ['no', 'no', 'no', 'no'])).toEqual({
      kind: 'outcome',
      tier: 'visit',
    })
  })

  it('goes back one question, forgetting only the last answer', () => {
    const answers = answerQuestion(answerQuestion([], 'no'), 'no')
    expect(askedAfter(answers)).toBe('soon-a')
    const back = previousQuestion(answers)
    expect(back).toEqual(['no'])
    expect(askedAfter(back)).toBe('emergency-b')
    expect(previousQuestion([])).toEqual([])
  })

  it('lets a visitor change a mistaken yes by going back from the outcome', () => {
    const answers = answerQuestion(['no'], 'yes')
    expect(askedAfter(answers)).toBe('outcome:emergency')
    expect(askedAfter(answerQuestion(previousQuestion(answers), 'no'))).toBe('soon-a')
  })
})
