import type { Logger } from '../../../electron/shared/logger'

/** A logger that keeps what it was told, so tests can check that events are logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  const keep =
    (level: string) =>
    (...params: unknown[]) =>
      lines.push(`${level}: ${params.join(' ')}`)
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') }
}
