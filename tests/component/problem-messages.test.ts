import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { parseBackup } from '@shared/backup'
import type { ContentDocument, Locale } from '@shared/content-schema'
import { overrideDocumentsSchema } from '@shared/merge-overrides'
import { fallbackCodes, problemCodes, problemsFromZod, type FieldProblem } from '@shared/problem'
import { defaultSettings } from '@shared/settings-defaults'
import { settingsSchema } from '@shared/settings-schema'
import { createKioskI18n } from '@/i18n'
import { loadStaffWords } from '@/i18n/staff-words'
import { ruleMessageKeys, useProblemText } from '@/composables/useProblemText'
import { kiosk } from '@/platform'

// Staff mode's words load with staff mode; these are the words it shows.
beforeAll(() => loadStaffWords())

/** A problem as staff would see it, with what zod itself said about it (never to be shown). */
interface Found {
  schema: string
  problem: FieldProblem
  zodMessage: string
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Bad values a field can be given by staff typing, a damaged file or a hand-made backup. */
const probes: (Json | undefined)[] = [
  undefined,
  null,
  '',
  ' ',
  'x'.repeat(3000),
  '<b>bold</b>',
  'not a web address',
  'Ab-1',
  -1,
  0,
  1.5,
  1e7,
  true,
  false,
  [],
  {},
]

/** Every path of a JSON value, the value itself first. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, i) => paths(item, [...at, i]))]
  if (value && typeof value === 'object')
    return [at, ...Object.entries(value).flatMap(([key, child]) => paths(child, [...at, key]))]
  return [at]
}

function replaced(value: Json, at: (string | number)[], by: Json | undefined): Json | undefined {
  if (at.length === 0) return by
  const [head, ...rest] = at
  if (Array.isArray(value)) {
    const copy = [...value]
    const next = replaced(copy[head as number] ?? null, rest, by)
    if (next === undefined) copy.splice(head as number, 1)
    else copy[head as number] = next
    return copy
  }
  const copy = { ...(value as Record<string, Json>) }
  const next = replaced(copy[head as string] ?? null, rest, by)
  if (next === undefined) delete copy[head as string]
  else copy[head as string] = next
  return copy
}

/**
 * Every problem a schema raises when any one field of a valid value is given any bad value,
 * or an unknown field is added next to it. A path is tried once per shape ("blocks.#.items.#"
 * of a list block), so the walk stays quick however much content ships.
 */
function walk(
  schema: string,
  valid: Json,
  check: (value: unknown) => { problems: FieldProblem[]; zodMessages: string[] },
  shapeOf: (at: (string | number)[]) => string,
  seen = new Set<string>(),
): Found[] {
  const found: Found[] = []
  for (const at of paths(valid)) {
    const shape = shapeOf(at)
    if (seen.has(shape)) continue
    seen.add(shape)
    const tries: (Json | undefined)[] = [...probes]
    const here = at.reduce<Json>((v, k) => (v as Record<string, Json>)[k] ?? null, valid)
    if (here && typeof here === 'object' && !Array.isArray(here))
      tries.push({ ...here, unknownField: 1 })
    for (const probe of tries) {
      const result = check(replaced(valid, at, probe))
      result.problems.forEach((problem, i) =>
        found.push({ schema, problem, zodMessage: result.zodMessages[i] ?? '' }),
      )
    }
  }
  return found
}

function zodCheck(schema: {
  safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } }
}) {
  return (value: unknown) => {
    const result = schema.safeParse(value)
    if (result.success || !result.error) return { problems: [], zodMessages: [] }
    const error = result.error as Parameters<typeof problemsFromZod>[0]
    return { problems: problemsFromZod(error), zodMessages: error.issues.map((i) => i.message) }
  }
}

/** The words each problem gets on screen, in a staff language, through the real composable. */
function wordsIn(locale: Locale, problems: FieldProblem[]) {
  let texts: string[] = []
  const Probe = defineComponent({
    setup() {
      const text = useProblemText()
      texts = problems.map(text)
      return () => h('div')
    },
  })
  const i18n = createKioskI18n(locale)
  mount(Probe, { global: { plugins: [i18n] } })
  const te = (key: string) => i18n.global.te(key, locale)
  const keys = problems.map((p) =>
    p.code === 'invalid'
      ? (ruleMessageKeys(p).find(te) ?? 'none')
      : te(`problems.code.${p.code}`)
        ? `problems.code.${p.code}`
        : 'none',
  )
  const generic = [i18n.global.t('problems.rule.other'), i18n.global.t('problems.rule.custom')]
  return { texts, keys, generic }
}

async function shippedDocuments(): Promise<{ key: string; doc: ContentDocument }[]> {
  const all: { key: string; doc: ContentDocument }[] = []
  for (const locale of ['en', 'es'] as const) {
    const { content } = await kiosk.getContent(locale)
    for (const doc of content.sections) all.push({ key: `${locale}/section/${doc.id}`, doc })
    for (const doc of content.sheets) all.push({ key: `${locale}/sheet/${doc.id}`, doc })
  }
  return all
}

/** "blocks.3.items.0" of a list block → "list:blocks.#.items.#": the same rule, the same field. */
function documentShape(doc: Json) {
  return (at: (string | number)[]) => {
    const blockIndex = at[0] === 'blocks' && typeof at[1] === 'number' ? at[1] : null
    const blocks = (doc as { blocks: { kind: string }[] }).blocks
    const kind = blockIndex === null ? '' : (blocks[blockIndex]?.kind ?? '')
    return `${kind}:${at.map((k) => (typeof k === 'number' ? '#' : k)).join('.')}`
  }
}

describe('every validation problem staff can meet', () => {
  it('has plain words of its own in both staff languages, and none of the schema wording', async () => {
    const found: Found[] = []
    const settings = { ...defaultSettings, staffLocale: 'en' } as unknown as Json
    found.push(...walk('settings', settings, zodCheck(settingsSchema), (at) => at.join('.')))

    // One walk over every shipped page, each shape of field tried once across them all.
    const seen = new Set<string>()
    for (const { key, doc } of await shippedDocuments()) {
      const [, kind, id] = key.split('/')
      // The safety section's own rules are met only by that section.
      const page = id === 'get-help' ? 'get-help' : kind
      const shape = documentShape(doc as unknown as Json)
      found.push(
        ...walk(
          'content',
          doc as unknown as Json,
          (value) => zodCheck(overrideDocumentsSchema)({ [key]: value }),
          (at) => `${page}|${shape(at)}`,
          seen,
        ),
      )
    }

    const backup = JSON.parse(await backupText()) as Json
    found.push(
      ...walk(
        'backup',
        backup,
        (value) => {
          const result = parseBackup(JSON.stringify(value ?? null))
          return { problems: result.ok ? [] : result.problems, zodMessages: [] }
        },
        (at) => at.map((k) => (typeof k === 'number' ? '#' : k)).join('.'),
      ),
    )
    for (const text of ['', 'not json', '[]', '{"format":"other"}'])
      for (const problem of (parseBackup(text) as { problems?: FieldProblem[] }).problems ?? [])
        found.push({ schema: 'backup', problem, zodMessage: '' })

    const rules = new Set(
      found.map((f) => `${f.schema}:${f.problem.params?.['rule'] ?? f.problem.code}`),
    )
    // The walk reaches the rules each schema states, not only zod's own checks.
    for (const rule of [
      'settings:phone-format',
      'settings:web-address',
      'settings:clinic-name-required',
      'settings:one-language-needed',
      'settings:invalid_type',
      'settings:too_small',
      'settings:too_big',
      'settings:unrecognized_keys',
      'content:not-empty',
      'content:no-html',
      'content:safety-page-shown',
      'content:emergency-list-kept',
      'backup:not-a-backup',
      'backup:backup-not-json',
    ])
      expect(rules, rule).toContain(rule)

    const unique = new Map<string, Found>()
    for (const f of found)
      unique.set(`${f.problem.field}|${JSON.stringify(f.problem.params)}|${f.problem.code}`, f)
    const all = [...unique.values()]
    const en = wordsIn(
      'en',
      all.map((f) => f.problem),
    )
    const es = wordsIn(
      'es',
      all.map((f) => f.problem),
    )
    const bad: string[] = []
    all.forEach((f, i) => {
      const where = `${f.schema} ${f.problem.field} ${JSON.stringify(f.problem.params ?? {})}`
      for (const [locale, words] of [
        ['en', en],
        ['es', es],
      ] as const) {
        const text = words.texts[i] ?? ''
        if (words.keys[i] === 'none' || words.generic.includes(text))
          bad.push(`${where}: no words of its own in ${locale} (${text})`)
        if (f.zodMessage && text.includes(f.zodMessage))
          bad.push(`${where}: shows the schema's wording in ${locale}: ${text}`)
        if (/Invalid input|expected [a-z]+|received|Too (small|big)|\{|\}/.test(text))
          bad.push(`${where}: schema wording in ${locale}: ${text}`)
        const rule = String(f.problem.params?.['rule'] ?? '')
        if (rule && text.includes(rule))
          bad.push(`${where}: shows the rule's id in ${locale}: ${text}`)
        if (f.problem.field.includes('.') && text.includes(f.problem.field))
          bad.push(`${where}: shows the field's path in ${locale}: ${text}`)
      }
      if (en.keys[i] !== es.keys[i])
        bad.push(`${where}: said as ${en.keys[i]} in English but ${es.keys[i]} in Spanish`)
      else if (en.texts[i] === es.texts[i])
        bad.push(`${where}: the Spanish words are the English ones: ${en.texts[i]}`)
    })
    expect(bad).toEqual([])
    expect(all.length).toBeGreaterThan(40)
  }, 60_000)

  it('has words for every other problem and every fallback, in both staff languages', () => {
    for (const locale of ['en', 'es'] as const) {
      const i18n = createKioskI18n(locale)
      for (const code of problemCodes)
        expect(i18n.global.te(`problems.code.${code}`, locale), `${locale} ${code}`).toBe(true)
      for (const code of fallbackCodes)
        expect(i18n.global.te(`problems.fallback.${code}`, locale), `${locale} ${code}`).toBe(true)
    }
  })
})

async function backupText(): Promise<string> {
  await kiosk.staffSignIn({ pin: (await import('../unit/backend/kiosk-fixture')).staffPin })
  const { text } = await kiosk.staffExportBackup()
  return text
}
