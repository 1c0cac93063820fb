/**
 * Decides whether a URL is one of the app's own pages. The renderer is served either from
 * the built files (file://…/renderer/) or, during development, from the local dev server;
 * anything else (remote sites, other local files, data: or javascript: URLs) is refused.
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
  if (target.protocol !== entry.protocol) return false
  if (entry.protocol === 'file:') {
    const folder = entry.pathname.slice(0, entry.pathname.lastIndexOf('/') + 1)
    const path = decodeURIComponent(target.pathname)
    return !path.includes('/../') && target.pathname.startsWith(folder)
  }
  return (
    (entry.protocol === 'http:' || entry.protocol === 'https:') && target.origin === entry.origin
  )
}
