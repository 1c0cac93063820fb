/**
 * A sliding-window limit on automatic reloads, so a renderer that crashes at once on every
 * load falls back to the offline page instead of spinning forever.
 */
export function createReloadBudget(options: { max: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now
  let recent: number[] = []
  return {
    /** Records a reload and returns true when it is still within the budget. */
    tryTake(): boolean {
      const t = now()
      recent = recent.filter((at) => t - at < options.windowMs)
      if (recent.length >= options.max) return false
      recent.push(t)
      return true
    },
  }
}
export type ReloadBudget = ReturnType<typeof createReloadBudget>
