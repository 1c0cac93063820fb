import type { z } from 'zod'

/**
 * What can be wrong with a file, a field or a request, as codes: the backend never words a
 * problem for people. The renderer turns a code and its params into the staff's language;
 * logs and the command line print the code as it is.
 */
export const problemCodes = [
  /** A schema rule failed: `params.rule` names it (a zod issue code or one of `schemaRules`). */
  'invalid',
  'file-missing',
  'not-json',
  'not-yaml',
  'unknown-file',
  'id-mismatch',
  'required-file-missing',
  'no-sections',
  'unreadable',
  'not-saved',
  'invalid-change-name',
  'version-missing',
  'version-damaged',
  'not-shipped',
  'no-longer-shipped',
  'backup-too-large',
  'backup-not-json',
  'not-a-backup',
  'backup-from-newer-app',
  'backup-version-unsupported',
  /** The content pack locks this page: staff edits of it are not shown. */
  'locked-by-pack',
  /** Undo: the page was changed again since, in the same part, so undoing would lose that. */
  'changed-since',
  /** Undo: a content pack's change is the content team's to take back, not this kiosk's. */
  'not-undoable',
  /** Import: no backup of that name in the kiosk's backups or export folder. */
  'backup-file-missing',
  /** Move: the page is already first or last, or the place above is a safety section's. */
  'cannot-move',
] as const
export type ProblemCode = (typeof problemCodes)[number]

/** What the kiosk does instead, once a bad file has been moved aside. */
export const fallbackCodes = [
  'defaults-in-use',
  'counting-restarted',
  'counts-in-memory',
  'saved-version-in-use',
  'no-changes-in-use',
  'pin-reset-needed',
  'treated-as-set-up',
  'locked-to-be-safe',
  'will-retry',
  /** A saved change broke the safety rules (shared/safety-pages.ts): the page shows as shipped. */
  'shipped-page-in-use',
] as const
type FallbackCode = (typeof fallbackCodes)[number]

type ProblemParams = Record<string, string | number>

/** One problem in a field of something staff sent or the kiosk read. */
export interface FieldProblem {
  field: string
  code: ProblemCode
  params?: ProblemParams
}

/** One problem found in a content, settings or counts file: where it is and what is wrong. */
export interface Problem extends FieldProblem {
  file: string
  /** Where the bad file was moved, so IT can inspect it. */
  movedTo?: string
  fallback?: FallbackCode
}

/**
 * The rules a schema states itself. A custom zod message is one of these ids (never a
 * sentence), so the renderer can say it in the staff's language.
 */
const schemaRules = [
  'not-empty',
  'no-html',
  'no-emoji',
  'id-format',
  'power-of-two',
  'hash-length',
  'phone-format',
  'web-address',
  'clinic-name-required',
  'one-language-needed',
  'default-language-enabled',
  'date-format',
  'sheet-usage-key',
  'change-name',
  'id-matches-name',
  'kept-by-fleet',
  'safety-page-shown',
  'emergency-list-kept',
  'help-question-missing',
  'help-question-unknown',
  'help-question-twice',
  'pin-digits',
  'pin-too-short',
  'pin-too-long',
  'pin-obvious',
  'pin-required',
  'repository-location',
  'header-name',
  'app-version',
] as const

const issueParams = ['expected', 'minimum', 'maximum', 'origin', 'format', 'keys'] as const

/**
 * The rule an issue broke: the schema's own rule id where it stated one. A record key or an
 * element that fails is reported by zod as a wrapper around the key's or element's issue.
 */
function ruleOf(issue: z.core.$ZodIssue): string {
  if ((schemaRules as readonly string[]).includes(issue.message)) return issue.message
  const inner = 'issues' in issue && Array.isArray(issue.issues) ? issue.issues : []
  for (const nested of inner.flat() as z.core.$ZodIssue[]) {
    const rule = ruleOf(nested)
    if ((schemaRules as readonly string[]).includes(rule)) return rule
  }
  return issue.code
}

/** A zod issue as a problem: the field's path, the rule that failed, and its limits. */
export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const params: ProblemParams = { rule: ruleOf(issue) }
    // A rule the schema stated itself may carry its own params (which ids, say).
    const own = issue.code === 'custom' ? (issue.params ?? {}) : {}
    for (const [name, value] of Object.entries(own)) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = value
    }
    for (const name of issueParams) {
      const value = (issue as unknown as Record<string, unknown>)[name]
      if (typeof value === 'string' || typeof value === 'number') params[name] = value
      else if (typeof value === 'bigint') params[name] = Number(value)
      else if (Array.isArray(value)) params[name] = value.join(', ')
    }
    return {
      field: issue.path.length ? issue.path.map(String).join('.') : '(whole file)',
      code: 'invalid',
      params,
    }
  })
}

/** What is wrong, without where: "invalid rule=too_small minimum=30", for logs and the CLI. */
export function problemSummary(problem: FieldProblem & { movedTo?: string }): string {
  const params = Object.entries(problem.params ?? {})
    .map(([name, value]) => ` ${name}=${value}`)
    .join('')
  const aside = problem.movedTo ? ` (moved to ${problem.movedTo})` : ''
  return `${problem.code}${params}${aside}`
}

/** Problems on one line, for logs and the command line: "file (field): code rule=…; …". */
export function describeProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.file} (${p.field}): ${problemSummary(p)}`).join('; ')
}
