/// <reference types="vite/client" />
import type { KioskBridge } from '@shared/contract'

declare global {
  /** The app version from package.json, set at build time. */
  const __APP_VERSION__: string

  interface Window {
    /** Present only inside the Electron shell, exposed by the preload. */
    kiosk?: KioskBridge
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
