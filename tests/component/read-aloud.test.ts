import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, nextTick } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ReadableText from '@/components/read-aloud/ReadableText.vue'
import ReadAloudButton from '@/components/read-aloud/ReadAloudButton.vue'
import { createKioskI18n } from '@/i18n'
import { createKioskRouter } from '@/router'
import { useSettingsStore } from '@/stores/useSettingsStore'
import { useVisitStore } from '@/stores/useVisitStore'

/** A speech engine that says nothing, but answers like Chromium's: events come when told. */
class FakeUtterance {
  voice: unknown = null
  lang = ''
  rate = 1
  onstart: (() => void) | null = null
  onend: (() => void) | null = null
  onerror: (() => void) | null = null
  constructor(readonly text: string) {}
}

function installSpeech(initial: { lang: string; name: string; localService?: boolean }[]) {
  let voices = initial
  const listeners: (() => void)[] = []
  const spoken: FakeUtterance[] = []
  const synth = {
    speaking: false,
    pending: false,
    getVoices: () => voices,
    speak: (u: FakeUtterance) => spoken.push(u),
    cancel: vi.fn(),
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
  }
  vi.stubGlobal('speechSynthesis', synth)
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance)
  return {
    spoken,
    synth,
    /** The voices arrive late, as in Chromium with speech-dispatcher. */
    arrive(next: typeof initial) {
      voices = next
      for (const listener of listeners) listener()
    },
    /** The current utterance starts, then ends. */
    async say() {
      const u = spoken.at(-1)!
      u.onstart?.()
      await nextTick()
      return u
    },
    async finish() {
      spoken.at(-1)!.onend?.()
      await nextTick()
    },
  }
}

/** A screen of two passages, one with the emergency number, and the bar's button. */
const Screen = defineComponent({
  setup: () => () =>
    h('div', [
      h(ReadAloudButton),
      h('h1', [h(ReadableText, { text: 'Heat helps.' })]),
      h('p', [h(ReadableText, { text: 'Call {emergencyNumber} now. Then rest.' })]),
      h('button', 'Next'),
    ]),
})

async function mountScreen() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createKioskRouter()
  await router.push('/home')
  await useSettingsStore().load()
  const wrapper = mount(Screen, {
    attachTo: document.body,
    global: { plugins: [pinia, createKioskI18n(), router] },
  })
  await flushPromises()
  return { wrapper, router }
}

const english = { lang: 'en-US', name: 'English (America)' }

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('read aloud', () => {
  it('reads the passages on screen one sentence at a time, the number digit by digit', async () => {
    const speech = installSpeech([english])
    const { wrapper } = await mountScreen()
    await wrapper.get('[data-testid="read-aloud"]').trigger('click')
    const said: string[] = []
    for (let i = 0; i < 3; i += 1) {
      const u = await speech.say()
      said.push(u.text)
      expect(u.lang).toBe('en-US')
      // The sentence said is the one highlighted, as shown (the number as the clinic wrote it).
      expect(wrapper.get('.reading').text()).toBe(['Heat helps.', 'Call 911 now.', 'Then rest.'][i])
      await speech.finish()
    }
    expect(said).toEqual(['Heat helps.', 'Call 9 1 1 now.', 'Then rest.'])
    expect(wrapper.find('.reading').exists()).toBe(false)
    expect(wrapper.get('[data-testid="read-aloud"]').text()).toBe('Read aloud')
  })

  it('stops when tapped again, and when the language or the text size changes', async () => {
    const speech = installSpeech([english, { lang: 'es-419', name: 'Spanish' }])
    const { wrapper } = await mountScreen()
    const button = () => wrapper.get('[data-testid="read-aloud"]')
    await button().trigger('click')
    expect(button().text()).toBe('Stop reading')
    await button().trigger('click')
    expect(speech.synth.cancel).toHaveBeenCalled()
    expect(button().text()).toBe('Read aloud')

    for (const change of [
      () => useVisitStore().setTextSize('larger'),
      () => useVisitStore().setLocale('es'),
    ]) {
      await button().trigger('click')
      speech.synth.cancel.mockClear()
      change()
      await flushPromises()
      expect(speech.synth.cancel).toHaveBeenCalled()
      expect(button().attributes('aria-pressed')).toBe('false')
    }
  })

  it('stops when the visitor moves to another screen', async () => {
    const speech = installSpeech([english])
    const { wrapper, router } = await mountScreen()
    await wrapper.get('[data-testid="read-aloud"]').trigger('click')
    await router.push('/about')
    await flushPromises()
    expect(speech.synth.cancel).toHaveBeenCalled()
    expect(wrapper.get('[data-testid="read-aloud"]').attributes('aria-pressed')).toBe('false')
  })

  it('appears when voices arrive late, and only for a language a voice speaks', async () => {
    const speech = installSpeech([])
    const { wrapper } = await mountScreen()
    expect(wrapper.find('[data-testid="read-aloud"]').exists()).toBe(false)
    speech.arrive([english])
    await nextTick()
    expect(wrapper.find('[data-testid="read-aloud"]').exists()).toBe(true)
    useVisitStore().setLocale('es')
    await nextTick()
    expect(wrapper.find('[data-testid="read-aloud"]').exists()).toBe(false)
  })

  it('is hidden where the browser has no speech at all', async () => {
    expect('speechSynthesis' in window).toBe(false)
    const { wrapper } = await mountScreen()
    expect(wrapper.find('[data-testid="read-aloud"]').exists()).toBe(false)
  })
})
