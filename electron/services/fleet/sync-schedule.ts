/** The longest a kiosk waits between checks after failures. */
export const maxBackoffMs = 60 * 60 * 1000

/**
 * When the next check is due: every `syncMinutes` with ±10 % jitter, so kiosks that started
 * together (a power cut at a site) do not all ask at once; after failures the wait doubles
 * each time, up to an hour, so a host that is down is not hammered.
 */
export function nextDelayMs(
  syncMinutes: number,
  failuresInARow: number,
  random: () => number,
): number {
  const base = syncMinutes * 60_000
  const jittered = Math.round(base * 2 ** failuresInARow * (0.9 + 0.2 * random()))
  return failuresInARow === 0 ? jittered : Math.min(jittered, Math.max(maxBackoffMs, base))
}

/** The first check after a start: soon, but spread over up to a minute across a site's kiosks. */
export function firstDelayMs(syncMinutes: number, random: () => number): number {
  return Math.round(Math.min(syncMinutes * 6_000, 60_000) * random())
}
