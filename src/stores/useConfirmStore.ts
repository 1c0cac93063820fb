import { defineStore } from 'pinia'
import { shallowRef } from 'vue'

/** One answer staff can give: its words, and whether it is the action asked about. */
interface ConfirmChoice<T extends string = string> {
  value: T
  label: string
  primary?: boolean
}

/** A question staff answer before something that cannot be taken back, or before leaving. */
export interface ConfirmRequest<T extends string = string> {
  title: string
  /** What will happen, in plain words. */
  text: string
  /** What changes, one line each (pages a restore changes, what visitors will no longer see). */
  details?: string[]
  choices: ConfirmChoice<T>[]
}

interface Pending {
  request: ConfirmRequest
  answer: (value: string) => void
}

/** The one question on screen at a time; `ask` resolves with the choice staff tapped. */
export const useConfirmStore = defineStore('confirm', () => {
  const pending = shallowRef<Pending | null>(null)

  function ask<T extends string>(request: ConfirmRequest<T>): Promise<T> {
    // A question still open is answered by its last, safest choice: nothing happens.
    const open = pending.value
    if (open) open.answer(open.request.choices.at(-1)?.value ?? '')
    return new Promise<T>((resolve) => {
      pending.value = {
        request,
        answer: (value) => {
          pending.value = null
          resolve(value as T)
        },
      }
    })
  }

  /** Asks "Do X?" with the action and Cancel; true when staff chose the action. */
  async function confirm(request: {
    title: string
    text: string
    details?: string[]
    action: string
    cancel: string
  }): Promise<boolean> {
    const answer = await ask({
      title: request.title,
      text: request.text,
      details: request.details,
      choices: [
        { value: 'yes', label: request.action, primary: true },
        { value: 'no', label: request.cancel },
      ],
    })
    return answer === 'yes'
  }

  return { pending, ask, confirm }
})
