import type { SyncFailureReason } from '../../shared/fleet-status'

/** A refusal of our own, with its reason already known. */
export class SyncRefused extends Error {
  constructor(
    readonly reason: SyncFailureReason,
    detail: string,
  ) {
    super(detail)
  }
}

/** Everything an error says about itself, its class and its causes; tuf-js wraps some in strings. */
function describe(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 4) return String(error)
  const code = (error as NodeJS.ErrnoException).code ?? ''
  return `${error.constructor.name} ${error.name} ${code} ${error.message} ${describe(error.cause, depth + 1)}`
}

/** Checked in order: the first that matches names the reason. */
const patterns: [SyncFailureReason, RegExp][] = [
  ['timeout', /TimeoutError|ETIMEDOUT|UND_ERR_(HEADERS|BODY)_TIMEOUT|aborted due to timeout/],
  [
    'offline',
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOENT|fetch failed|ERR_CONNECTION|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED/,
  ],
  ['too-large', /Max length reached|DownloadLengthMismatchError/],
  ['http-error', /DownloadHTTPError|HTTP \d{3}/],
  ['expired', /ExpiredMetadataError|is expired/],
  ['mix-and-match', /does not match snapshot version|Snapshot version doesn't match timestamp/],
  ['older-version', /BadVersionError|is less than current version|Expected version/],
  ['bad-signature', /UnsignedMetadataError|failed to verify|signature|threshold/i],
  ['hash-mismatch', /LengthOrHashMismatchError|hash|length mismatch/i],
  ['garbage', /SyntaxError|JSON|Unexpected token|Expected '\w+', got|ValueError|TypeError/],
  ['local-error', /EACCES|EPERM|ENOSPC|EROFS|PersistError/],
]

export function syncFailureReason(error: unknown): SyncFailureReason {
  if (error instanceof SyncRefused) return error.reason
  const text = describe(error)
  return patterns.find(([, pattern]) => pattern.test(text))?.[0] ?? 'unknown'
}
