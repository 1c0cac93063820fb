import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ReadAloudButton from '@/components/content/ReadAloudButton.vue'
import { createKioskI18n } from '@/i18n'

class FakeUtterance {
  voice: unknown = null
  lang = ''
  rate = 1
  onend: (() => void) | null = null
  constructor(readonly text: string) {}
}

function installSpeech(voices: { lang: string; name: string }[]) {
  const spoken: FakeUtterance[] = []
  const synth = {
    getVoices: () => voices,
    speak: (u: FakeUtterance) => spoken.push(u),
    cancel: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  }
  vi.stubGlobal('speechSynthesis', synth)
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance)
  return { spoken, synth }
}

const mountButton = (locale: 'en' | 'es' = 'en') =>
  mount(ReadAloudButton, {
    props: { text: 'Heat helps.' },
    global: { plugins: [createPinia(), createKioskI18n(locale)] },
  })

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('read aloud', () => {
  it('reads the page in the visitor language when a voice is installed', async () => {
    const { spoken } = installSpeech([{ lang: 'en-US', name: 'English' }])
    const wrapper = mountButton()
    await wrapper.get('button').trigger('click')
    expect(spoken).toHaveLength(1)
    expect(spoken[0]?.text).toBe('Heat helps.')
    expect(spoken[0]?.lang).toBe('en-US')
    expect(wrapper.get('button').text()).toBe('Stop reading')
  })

  it('stops when pressed again', async () => {
    const { synth } = installSpeech([{ lang: 'en-US', name: 'English' }])
    const wrapper = mountButton()
    await wrapper.get('button').trigger('click')
    await wrapper.get('button').trigger('click')
    expect(synth.cancel).toHaveBeenCalled()
    expect(wrapper.get('button').text()).toBe('Read aloud')
  })

  it('stops reading when the visitor leaves the page, and leaves speech alone otherwise', async () => {
    const { synth } = installSpeech([{ lang: 'en-US', name: 'English' }])
    const reading = mountButton()
    await reading.get('button').trigger('click')
    synth.cancel.mockClear()
    reading.unmount()
    expect(synth.cancel).toHaveBeenCalledTimes(1)

    synth.cancel.mockClear()
    mountButton().unmount()
    expect(synth.cancel).not.toHaveBeenCalled()
  })

  it('is hidden where no voice speaks the visitor language', () => {
    installSpeech([{ lang: 'en-US', name: 'English' }])
    expect(mountButton('es').find('button').exists()).toBe(false)
  })

  it('is hidden where the browser has no speech at all', () => {
    expect('speechSynthesis' in window).toBe(false)
    expect(mountButton().find('button').exists()).toBe(false)
  })
})
