import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { chooseVoice } from '@/components/read-aloud/choose-voice'
import { useVisitStore } from './useVisitStore'

/** One sentence as it is said, and the key of its place on screen. */
interface SpokenSentence {
  key: string
  spoken: string
  /** Said once more already, after a cancel from before cut it off. */
  retried?: boolean
}

/** A piece of content text on screen that can be read aloud (see ReadableText). */
export interface Passage {
  element: () => Element | null
  sentences: () => SpokenSentence[]
  /** Said again whenever it changes while the visitor listens, like a stretch timer's prompt. */
  live: boolean
}

const inDocumentOrder = (a: Passage, b: Passage) => {
  const [x, y] = [a.element(), b.element()]
  if (!x || !y) return 0
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
}

/**
 * Reading the screen aloud with the Web Speech API: one sentence at a time, in the visitor's
 * language, with the sentence being read highlighted. The words come from the content shown
 * (each ReadableText hands in its own), never from the page's text, so no button is read.
 */
export const useReadAloudStore = defineStore('readAloud', () => {
  const synth =
    typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null
  const visit = useVisitStore()
  /** Voices often arrive after the page has started (Chromium: a second or two later). */
  const voices = shallowRef<SpeechSynthesisVoice[]>(synth?.getVoices() ?? [])
  synth?.addEventListener('voiceschanged', () => {
    voices.value = synth.getVoices()
  })
  const voice = computed(() => chooseVoice(voices.value, visit.locale))

  const reading = ref(false)
  /** The key of the sentence being said, or null. */
  const current = ref<string | null>(null)
  const passages = new Map<number, Passage>()
  const passageCount = ref(0)
  let nextId = 0
  /** Bumped by every stop, so the events of an utterance that was cut off change nothing. */
  let generation = 0
  let queue: SpokenSentence[] = []
  let saying = false
  let following = false

  const available = computed(() => voice.value !== undefined && passageCount.value > 0)

  function register(passage: Passage): number {
    nextId += 1
    passages.set(nextId, passage)
    passageCount.value = passages.size
    return nextId
  }
  /** Words leaving the screen (a new question, the result) end the reading of the old ones. */
  function unregister(id: number): void {
    passages.delete(id)
    passageCount.value = passages.size
    if (reading.value) stop()
  }

  function sayNext(run: number): void {
    if (run !== generation) return
    const next = queue.shift()
    const chosen = voice.value
    if (!next || !synth || !chosen) {
      saying = false
      current.value = null
      if (!following) reading.value = false
      return
    }
    saying = true
    const utterance = new SpeechSynthesisUtterance(next.spoken)
    utterance.voice = chosen
    utterance.lang = chosen.lang
    utterance.rate = 0.9
    utterance.onstart = () => {
      if (run === generation) current.value = next.key
    }
    utterance.onend = () => sayNext(run)
    utterance.onerror = (event) => {
      if (run !== generation) return
      // The cancel of the last screen's reading can still be on its way to the voice and cut
      // off the first sentence of this one: say it once more rather than fall silent.
      if (!next.retried && (event.error === 'interrupted' || event.error === 'canceled')) {
        queue.unshift({ ...next, retried: true })
        setTimeout(() => sayNext(run), 150)
        return
      }
      stop()
    }
    synth.speak(utterance)
  }

  /** Reads every passage on screen, top to bottom. */
  function start(): void {
    if (!synth || !voice.value) return
    stop()
    const shown = [...passages.values()].filter((p) => p.element()?.isConnected)
    shown.sort(inDocumentOrder)
    queue = shown.flatMap((p) => p.sentences()).filter((s) => s.spoken !== '')
    following = shown.some((p) => p.live)
    reading.value = true
    sayNext(generation)
  }

  /** A live passage changed: say it after what is being said, if the visitor is listening. */
  function follow(passage: Passage): void {
    if (!reading.value || !following) return
    queue.push(...passage.sentences().filter((s) => s.spoken !== ''))
    if (!saying) sayNext(generation)
  }

  function stop(): void {
    generation += 1
    queue = []
    saying = false
    following = false
    current.value = null
    // Only when something is said: cancel() takes a moment on every screen change.
    if (reading.value || synth?.speaking || synth?.pending) synth?.cancel()
    reading.value = false
  }

  return { reading, current, available, register, unregister, start, follow, stop }
})
