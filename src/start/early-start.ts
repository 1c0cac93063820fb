/** What a visitor did on the pre-rendered start screen before the app was running. */
interface EarlyStart {
  /** The `lang` of the language button last tapped, if any. */
  locale: string | null
  started: boolean
}

export interface EarlyStartCapture {
  taken: EarlyStart
  stop: () => void
}

/**
 * index.html already shows the start screen (rendered at build time), so it can be tapped
 * before the app's code has loaded. Those taps are kept here and acted on once the app runs,
 * so a visitor who taps at once is not ignored. Call `stop` when the app has taken over.
 */
export function captureEarlyStart(doc: Document): EarlyStartCapture {
  const taken: EarlyStart = { locale: null, started: false }
  const root = doc.getElementById('app')
  // The pre-rendered screen is the start screen: any other address must not show it.
  if (root && doc.location.hash.replace(/^#\/?/, '') !== '') root.replaceChildren()

  const onClick = (event: Event): void => {
    if (!(event.target instanceof Element)) return
    if (event.target.closest('[data-testid="touch-to-start"]')) {
      taken.started = true
      return
    }
    const language = event.target.closest<HTMLElement>('.start-languages [lang]')
    if (!language) return
    taken.locale = language.lang
    // Show the choice at once, as the running app would.
    for (const button of doc.querySelectorAll('.start-languages [lang]'))
      button.setAttribute('aria-pressed', String(button === language))
  }
  root?.addEventListener('click', onClick)
  return { taken, stop: () => root?.removeEventListener('click', onClick) }
}
