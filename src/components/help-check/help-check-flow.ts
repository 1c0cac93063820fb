import type { HelpCheck, HelpTier } from '@shared/content-schema'

export type HelpQuestion = HelpCheck['questions'][number]
export type HelpAnswer = 'yes' | 'no'

export type HelpCheckStep =
  | { kind: 'question'; question: HelpQuestion; number: number; total: number }
  | { kind: 'outcome'; tier: HelpTier }

const severity: readonly HelpTier[] = ['emergency', 'soon', 'visit']

/**
 * Emergency signs are always asked first, so someone who needs an ambulance finds out after as
 * few taps as possible; staff may list questions in any order in the content file.
 */
function orderQuestions(questions: readonly HelpQuestion[]): HelpQuestion[] {
  return severity.flatMap((tier) => questions.filter((q) => q.tier === tier))
}

/**
 * The next thing to show, from the answers so far (one per question, in asking order). The first
 * "yes" decides: its question's tier is the outcome, as nothing later could make it less urgent.
 */
export function nextStep(
  questions: readonly HelpQuestion[],
  answers: readonly HelpAnswer[],
): HelpCheckStep {
  const ordered = orderQuestions(questions)
  for (const [i, answer] of answers.entries()) {
    const question = ordered[i]
    if (answer === 'yes' && question) return { kind: 'outcome', tier: question.tier }
  }
  const question = ordered[answers.length]
  if (!question) return { kind: 'outcome', tier: 'visit' }
  return { kind: 'question', question, number: answers.length + 1, total: ordered.length }
}

export function answerQuestion(answers: readonly HelpAnswer[], answer: HelpAnswer): HelpAnswer[] {
  return [...answers, answer]
}

export function previousQuestion(answers: readonly HelpAnswer[]): HelpAnswer[] {
  return answers.slice(0, -1)
}

/**
 * How long a new question ignores taps: a double tap on "No" must not also answer the next
 * question, which could skip an emergency sign without the visitor ever seeing it.
 */
export const answerGuardMs = 400
