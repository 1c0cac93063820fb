import { computed, onBeforeUnmount, ref, type Ref } from 'vue'

/**
 * Reads text aloud with the Web Speech API, in the visitor's language. `available` is false
 * where no voice for that language is installed, so the button can stay hidden there.
 */
export function useReadAloud(lang: Ref<string>) {
  const synth =
    typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null
  const voices = ref<SpeechSynthesisVoice[]>(synth?.getVoices() ?? [])
  const speaking = ref(false)
  const refresh = () => {
    voices.value = synth?.getVoices() ?? []
  }
  synth?.addEventListener('voiceschanged', refresh)

  const voice = computed(() =>
    voices.value.find((v) => v.lang.toLowerCase().startsWith(lang.value.toLowerCase())),
  )
  const available = computed(() => voice.value !== undefined)

  function stop(): void {
    synth?.cancel()
    speaking.value = false
  }

  function speak(text: string): void {
    if (!synth || !voice.value) return
    synth.cancel()
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.voice = voice.value
    utterance.lang = voice.value.lang
    utterance.rate = 0.9
    utterance.onend = () => {
      speaking.value = false
    }
    speaking.value = true
    synth.speak(utterance)
  }

  onBeforeUnmount(() => {
    // Only when this page is reading: cancel() takes milliseconds on every screen change.
    if (speaking.value) stop()
    synth?.removeEventListener('voiceschanged', refresh)
  })

  return { available, speaking, speak, stop }
}
