import { useI18n } from 'vue-i18n'
import type { FieldProblem, Problem } from '@shared/contract'

/** Puts a problem the backend reported as codes into words, in the language on screen. */
export function useProblemText() {
  const { t, te } = useI18n()
  return (problem: FieldProblem | Problem): string => {
    const params = problem.params ?? {}
    const rule = `problems.rule.${params['rule'] ?? 'other'}`
    const parts = [
      problem.code === 'invalid'
        ? t(te(rule) ? rule : 'problems.rule.other', params)
        : t(`problems.code.${problem.code}`, params),
    ]
    if ('fallback' in problem && problem.fallback) {
      parts.push(t(`problems.fallback.${problem.fallback}`, params))
    }
    if ('movedTo' in problem && problem.movedTo) {
      parts.push(t('problems.movedTo', { path: problem.movedTo }))
    }
    return parts.join(' ')
  }
}

const placeholderFields: Record<string, string> = {
  '(whole file)': 'problems.field.wholeFile',
  '(whole document)': 'problems.field.wholeDocument',
  '(folder)': 'problems.field.folder',
}

/** A problem with where it is, on one line: "settings.json (the whole file): …". */
export function useProblemLine() {
  const { t } = useI18n()
  const text = useProblemText()
  return (problem: FieldProblem | Problem): string => {
    const key = placeholderFields[problem.field]
    const field = key ? t(key) : problem.field
    const where = 'file' in problem ? `${problem.file} (${field})` : field
    return `${where}: ${text(problem)}`
  }
}
