import { defineStore } from 'pinia'
import { ref } from 'vue'
import { kiosk } from '@/platform'

/**
 * Whether this kiosk still needs first-run setup, as the backend says. Until it is done the
 * router shows only the setup screen; once done it stays done, so the answer is kept.
 */
export const useSetupStore = defineStore('setup', () => {
  const needed = ref<boolean | null>(null)

  async function check(): Promise<boolean> {
    if (needed.value !== false) needed.value = (await kiosk.getSetupStatus()).needed
    return needed.value
  }

  function done(): void {
    needed.value = false
  }

  return { needed, check, done }
})
