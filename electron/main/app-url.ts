/**
 * Decides whether a URL is one of the app's own pages: the same scheme and host as the entry
 * page (app://kiosk, or the dev server's origin during development). Which file may be served
 * is the app:// handler's business (app-protocol.ts), so paths are not compared here; remote
 * sites, file:// URLs, data: and javascript: URLs and anything unparsable are refused.
 */
export function isAppUrl(url: string, appEntryUrl: string): boolean {
  let target: URL
  let entry: URL
  try {
    target = new URL(url)
    entry = new URL(appEntryUrl)
  } catch {
    return false
  }
  if (entry.host === '' || target.username !== '' || target.password !== '') return false
  return target.protocol === entry.protocol && target.host === entry.host
}
