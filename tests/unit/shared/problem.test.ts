import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { describeProblems, problemsFromZod } from '../../../electron/shared/problem'

function problemsOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('expected the value to be refused')
  return problemsFromZod(result.error)
}

describe('problems from a schema', () => {
  it('names a schema rule by its id, and any other message by the zod issue code', () => {
    const schema = z.strictObject({
      name: z.string().min(1, 'not-empty'),
      note: z.string().refine(() => false, 'Some English sentence'),
    })
    expect(problemsOf(schema, { name: '', note: 'x' })).toEqual([
      {
        field: 'name',
        code: 'invalid',
        params: { rule: 'not-empty', minimum: 1, origin: 'string' },
      },
      { field: 'note', code: 'invalid', params: { rule: 'custom' } },
    ])
  })

  it('keeps the limits and the expected type, never the value that was sent', () => {
    const schema = z.strictObject({
      days: z.number().int().max(400),
      size: z.bigint().min(10n),
      pin: z.string(),
    })
    const problems = problemsOf(schema, { days: 401, size: 3n, pin: 1234, extra: 'secret' })
    expect(problems).toEqual([
      {
        field: 'days',
        code: 'invalid',
        params: { rule: 'too_big', maximum: 400, origin: 'number' },
      },
      {
        field: 'size',
        code: 'invalid',
        params: { rule: 'too_small', minimum: 10, origin: 'bigint' },
      },
      { field: 'pin', code: 'invalid', params: { rule: 'invalid_type', expected: 'string' } },
      {
        field: '(whole file)',
        code: 'invalid',
        params: { rule: 'unrecognized_keys', keys: 'extra' },
      },
    ])
    expect(JSON.stringify(problems)).not.toMatch(/secret|1234|401/)
  })

  it('writes nested paths with dots', () => {
    const schema = z.strictObject({ blocks: z.array(z.strictObject({ text: z.string() })) })
    expect(problemsOf(schema, { blocks: [{ text: 'a' }, { text: 2 }] })[0]?.field).toBe(
      'blocks.1.text',
    )
  })
})

describe('a rule the schema states inside a record key', () => {
  it('names that rule, not the wrapper zod puts around a bad key', () => {
    const days = z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date-format'), z.number())
    expect(problemsOf(days, { yesterday: 1 })).toEqual([
      { field: 'yesterday', code: 'invalid', params: { rule: 'date-format', origin: 'record' } },
    ])
  })
})

describe('problems in a log line', () => {
  it('puts the file, the field, the code, its params and where the file went on one line', () => {
    expect(
      describeProblems([
        {
          file: 'settings.json',
          field: 'idleTimeoutSeconds',
          code: 'invalid',
          params: { rule: 'too_small', minimum: 30 },
          movedTo: '/data/settings.json.invalid-1',
        },
        { file: 'usage.json', field: '(whole file)', code: 'not-json' },
      ]),
    ).toBe(
      'settings.json (idleTimeoutSeconds): invalid rule=too_small minimum=30 (moved to /data/settings.json.invalid-1); usage.json ((whole file)): not-json',
    )
  })
})
