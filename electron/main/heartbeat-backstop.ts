/**
 * The last line of defence for the walk-away reset: if the renderer stops sending heartbeats
 * (hung, or its idle timer broken) for three idle timeouts, main reloads it to the start screen.
 */
export function createHeartbeatBackstop(options: {
  /** The clinic's idle timeout, read each time so a changed setting applies at once. */
  idleTimeoutMs: () => number
  recover: (reason: string) => void
  checkEveryMs?: number
  now?: () => number
}) {
  const now = options.now ?? Date.now
  let lastBeat = now()
  const timer = setInterval(() => {
    const staleAfter = 3 * options.idleTimeoutMs()
    const silent = now() - lastBeat
    if (silent >= staleAfter) {
      lastBeat = now()
      options.recover(`no heartbeat from the kiosk page for ${Math.round(silent / 1000)} s`)
    }
  }, options.checkEveryMs ?? 5_000)

  return {
    beat(): void {
      lastBeat = now()
    },
    stop(): void {
      clearInterval(timer)
    },
  }
}

export type HeartbeatBackstop = ReturnType<typeof createHeartbeatBackstop>
