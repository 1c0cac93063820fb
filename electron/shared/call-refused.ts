import type { RefusalReason } from './contract'

/**
 * The backend's guard refused a call before any handler ran. Thrown by the guard in the
 * backend, and thrown again by the renderer's adapters when a transport carries the refusal.
 */
export class CallRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly method: string,
  ) {
    super(`${method} refused: ${reason}`)
    this.name = 'CallRefused'
  }
}
