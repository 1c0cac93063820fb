import type { ContentFile } from '@shared/content-parse'
import type { Locale } from '@shared/content-schema'

const files = import.meta.glob<string>('../../content/*/**/*.yaml', {
  query: '?raw',
  import: 'default',
})

/** The default content files of one locale, as shipped in content/<locale>/. */
export async function bundledContentFiles(locale: Locale): Promise<ContentFile[]> {
  const prefix = `../../content/${locale}/`
  const entries = Object.entries(files).filter(([path]) => path.startsWith(prefix))
  return Promise.all(
    entries.map(async ([path, load]) => ({ path: path.slice(prefix.length), text: await load() })),
  )
}
