import type { App } from 'vue'
import type { Router } from 'vue-router'
import { kiosk } from './platform'

/**
 * A component that throws must not leave a visitor looking at a blank or broken screen: the
 * error goes to the log (the main log in Electron) and the kiosk returns to its home screen.
 */
export function installErrorHandler(app: App, router: Router): void {
  app.config.errorHandler = (error, _instance, info) => {
    const message =
      error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)
    kiosk
      .reportError({ message: message.slice(0, 2000), where: `vue ${info}`.slice(0, 200) })
      .catch(() => console.error(message))
    const here = router.currentRoute.value
    if (here.name !== 'home' && here.meta['bare'] !== true) void router.replace({ name: 'home' })
  }
}
