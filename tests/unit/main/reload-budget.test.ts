import { describe, expect, it } from 'vitest'
import { createReloadBudget } from '../../../electron/main/reload-budget'

describe('reload budget', () => {
  it('allows three reloads a minute, then refuses until the minute has passed', () => {
    let now = 0
    const budget = createReloadBudget({ max: 3, windowMs: 60_000, now: () => now })
    expect([budget.tryTake(), budget.tryTake(), budget.tryTake()]).toEqual([true, true, true])
    now = 59_999
    expect(budget.tryTake()).toBe(false)
    now = 60_000
    expect(budget.tryTake()).toBe(true)
  })
})
