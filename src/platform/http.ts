import type { CallAnswer } from '@shared/contract'
import type { Transport } from './index'

/**
 * In a browser: each call is `POST api/<method>` to the web host that served the page, with
 * the arguments as a JSON array. The host's per-start cookie goes with it.
 */
export function httpTransport(fetch: typeof window.fetch): Transport {
  const post = async (method: string, args: unknown[]): Promise<CallAnswer> => {
    const response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
      credentials: 'same-origin',
      cache: 'no-store',
    })
    const answer = (await response.json().catch(() => null)) as CallAnswer | null
    if (answer && 'refused' in answer) return answer
    if (!response.ok || !answer) throw new Error(`${method} failed: HTTP ${response.status}`)
    return answer
  }

  return async (method, args) => {
    const answer = await post(method, args)
    if (!('refused' in answer) || answer.refused !== 'untrusted-caller') return answer
    // The host was restarted (say, by systemd) and has a new secret: the page itself carries
    // it, so fetching the page again lets a kiosk left open carry on where it was.
    await fetch('./', { cache: 'no-store', credentials: 'same-origin' })
    return post(method, args)
  }
}
