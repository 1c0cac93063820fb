import { captureEarlyStart } from './start/early-start'
import { loadAppWhenIdle } from './start/load-app-when-idle'
// The one typeface of screens and sheets, served by the app itself (no font differs between
// kiosks, so a layout measured in CI is the layout a clinic gets).
import '@fontsource/atkinson-hyperlegible/400.css'
import '@fontsource/atkinson-hyperlegible/700.css'
import './styles/base.css'

// This module is kept tiny so it runs as soon as the page is parsed: it catches taps on the
// pre-rendered start screen while the rest of the app loads.
const early = captureEarlyStart(document)
loadAppWhenIdle(document, () => {
  import('./boot')
    .then(({ boot }) => boot(early))
    .catch((error: unknown) => console.error('the kiosk could not start', error))
})
