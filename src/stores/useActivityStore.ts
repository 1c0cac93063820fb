import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

/**
 * Things in progress that a walk-away reset must wait for (a sheet being printed, a stretch
 * timer running). Each caller names its reason, so one ending does not cancel another.
 */
export const useActivityStore = defineStore('activity', () => {
  const reasons = ref<string[]>([])
  const busy = computed(() => reasons.value.length > 0)

  function begin(reason: string): void {
    if (!reasons.value.includes(reason)) reasons.value = [...reasons.value, reason]
  }
  function end(reason: string): void {
    reasons.value = reasons.value.filter((r) => r !== reason)
  }

  return { reasons, busy, begin, end }
})
