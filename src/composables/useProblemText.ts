import { useI18n } from 'vue-i18n'
import type { FieldProblem, Problem } from '@shared/contract'

/** The field a path ends in: "blocks.2.items.0" → "items", "clinicPhone" → "clinicPhone". */
const fieldName = (path: string) =>
  path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .at(-1) ?? ''

/**
 * Where the words for a broken rule are, most telling first: said for this field ("Enter the
 * phone number with digits…"), for this kind of value ("Enter a number of at least 30."),
 * then for the rule.
 */
export function ruleMessageKeys(problem: FieldProblem): string[] {
  const params = problem.params ?? {}
  const rule = String(params['rule'] ?? 'other')
  const field = fieldName(problem.field)
  const kind = params['origin'] ?? params['expected']
  return [
    `problems.for.${field}.${rule}`,
    `problems.for.${field}.any`,
    ...(kind === undefined ? [] : [`problems.rule.${rule}-${kind}`]),
    `problems.rule.${rule}`,
    'problems.rule.other',
  ]
}

/** Puts a problem the backend reported as codes into words, in the language on screen. */
export function useProblemText() {
  const { t, te } = useI18n()
  return (problem: FieldProblem | Problem): string => {
    const params = problem.params ?? {}
    const key = ruleMessageKeys(problem).find((candidate) => te(candidate)) ?? 'problems.rule.other'
    const parts = [
      problem.code === 'invalid' ? t(key, params) : t(`problems.code.${problem.code}`, params),
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
