import { captureEarlyStart } from './start/early-start'
import './styles/base.css'

// This module is kept tiny so it runs as soon as the page is parsed: it catches taps on the
// pre-rendered start screen while the rest of the app loads.
const early = captureEarlyStart(document)
import('./boot')
  .then(({ boot }) => boot(early))
  .catch((error: unknown) => console.error('the kiosk could not start', error))
