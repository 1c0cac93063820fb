import { ref, type Ref } from 'vue'
import type { AppInfo } from '@shared/contract'
import { kiosk } from '@/platform'

let asked: Promise<AppInfo> | undefined

/** The host the kiosk runs in (null until known): staff screens offer only what it can do. */
export function useAppInfo(): Ref<AppInfo | null> {
  const info = ref<AppInfo | null>(null)
  asked ??= kiosk.getAppInfo()
  asked.then((value) => (info.value = value)).catch(() => (asked = undefined))
  return info
}
