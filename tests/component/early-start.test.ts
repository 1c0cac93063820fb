import { afterEach, describe, expect, it } from 'vitest'
import { captureEarlyStart } from '@/start/early-start'

const startScreen = `
  <div class="start">
    <button type="button" class="start-touch" data-testid="touch-to-start">
      <span class="start-cta">Touch to start</span>
    </button>
    <div class="start-languages" role="group">
      <button type="button" class="button" lang="en" aria-pressed="true">English</button>
      <button type="button" class="button" lang="es" aria-pressed="false">Español</button>
    </div>
  </div>`

function page(hash = ''): void {
  window.location.hash = hash
  document.body.innerHTML = `<div id="app">${startScreen}</div>`
}
function tap(selector: string): void {
  const element = document.querySelector<HTMLElement>(selector)
  if (!element) expect.fail(`no ${selector}`)
  element.click()
}

afterEach(() => {
  document.body.innerHTML = ''
  window.location.hash = ''
})

describe('taps on the pre-rendered start screen', () => {
  it('keeps a tap on Touch to start, even on the text inside it', () => {
    page()
    const early = captureEarlyStart(document)
    expect(early.taken).toEqual({ locale: null, started: false })
    tap('.start-cta')
    expect(early.taken.started).toBe(true)
  })

  it('keeps the last language chosen and shows it as pressed at once', () => {
    page()
    const early = captureEarlyStart(document)
    tap('[lang="es"]')
    expect(early.taken.locale).toBe('es')
    expect(document.querySelector('[lang="es"]')?.getAttribute('aria-pressed')).toBe('true')
    expect(document.querySelector('[lang="en"]')?.getAttribute('aria-pressed')).toBe('false')
    tap('[lang="en"]')
    expect(early.taken.locale).toBe('en')
  })

  it('stops listening once the app has taken over', () => {
    page()
    const early = captureEarlyStart(document)
    early.stop()
    tap('[data-testid="touch-to-start"]')
    expect(early.taken.started).toBe(false)
  })

  it('clears the start screen when the page opens at another screen', () => {
    page('#/print/stretches')
    captureEarlyStart(document)
    expect(document.getElementById('app')?.children).toHaveLength(0)
  })

  it('leaves the start screen at the start address', () => {
    page('#/')
    captureEarlyStart(document)
    expect(document.querySelector('[data-testid="touch-to-start"]')).not.toBeNull()
  })
})
