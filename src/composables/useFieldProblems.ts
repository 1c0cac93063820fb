import { computed, type Ref } from 'vue'
import type { FieldProblem } from '@shared/contract'
import { useProblemText } from './useProblemText'

/**
 * What is wrong with each field of a form, in words: the first problem of each top-level
 * field, from the checks made as staff type and from the backend's last answer.
 */
export function useFieldProblems(checkNow: () => FieldProblem[], fromBackend: Ref<FieldProblem[]>) {
  const problemText = useProblemText()
  const problems = computed(() => {
    const found: Record<string, string> = {}
    for (const problem of [...checkNow(), ...fromBackend.value])
      found[problem.field.split('.')[0] ?? ''] ??= problemText(problem)
    return found
  })
  const valid = computed(() => Object.keys(problems.value).length === 0)
  return { problems, valid }
}
