import type { HelpAnswer, HelpAnswered } from '@shared/help-check-rules'

export function answerQuestion(
  answers: readonly HelpAnswered[],
  id: string,
  answer: HelpAnswer,
): HelpAnswered[] {
  return [...answers, { id, answer }]
}

export function previousQuestion(answers: readonly HelpAnswered[]): HelpAnswered[] {
  return answers.slice(0, -1)
}

/**
 * How long a new question ignores taps: a double tap on "No" must not also answer the next
 * question, which could skip an emergency sign without the visitor ever seeing it.
 */
export const answerGuardMs = 400
