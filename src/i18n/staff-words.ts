import type { Composer } from 'vue-i18n'
import type { Messages } from './index'

/** Staff mode's and first-run setup's words: a third of all the words, and no visitor's. */
const files = import.meta.glob<Messages>(
  ['./*/staff.json', './*/setup.json', './*/fleet.json', './*/problems.json'],
  { import: 'default' },
)

type Words = { locale: string; messages: Messages }[]
let loaded: Words | undefined
let loading: Promise<Words> | undefined
// The kiosk's one set of strings; tests make a new one for each mount.
let current: Pick<Composer, 'mergeLocaleMessage'> | undefined

function merge(into: Pick<Composer, 'mergeLocaleMessage'>, words: Words): void {
  for (const { locale, messages } of words) into.mergeLocaleMessage(locale, messages)
}

/** Gives a new set of strings the staff words too, once they have been loaded. */
export function mergeStaffWords(into: Pick<Composer, 'mergeLocaleMessage'>): void {
  current = into
  if (loaded) merge(into, loaded)
}

/** Loads the staff words (once) into the kiosk's strings, before a staff or setup screen opens. */
export async function loadStaffWords(): Promise<void> {
  loading ??= Promise.all(
    Object.entries(files).map(async ([path, load]) => ({
      locale: path.split('/')[1]!,
      messages: await load(),
    })),
  )
  const words = await loading
  if (!loaded) {
    loaded = words
    if (current) merge(current, words)
  }
}
