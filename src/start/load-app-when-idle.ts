/** How long the painted start screen is left alone before the app's code loads. */
export const settleMs = 1_000

const firstTouches = ['pointerdown', 'touchstart', 'keydown'] as const

/**
 * The start screen is in index.html and needs no code to be seen or tapped (early-start.ts
 * keeps its taps). So the app's code (the framework, the words, the kiosk's shell) does not
 * compete with its first paint: it loads once the page has loaded and settled, or at the first
 * touch, whichever comes first, and so is there before most visitors' first tap. Any other
 * screen needs the app at once.
 */
export function loadAppWhenIdle(doc: Document, load: () => void): void {
  const win = doc.defaultView
  let started = false
  const start = (): void => {
    if (started) return
    started = true
    for (const type of firstTouches) doc.removeEventListener(type, start, true)
    load()
  }
  if (!win || doc.location.hash.replace(/^#\/?/, '') !== '') return start()
  for (const type of firstTouches) doc.addEventListener(type, start, true)
  const settle = (): void => void win.setTimeout(start, settleMs)
  if (doc.readyState === 'complete') settle()
  else win.addEventListener('load', settle, { once: true })
}
