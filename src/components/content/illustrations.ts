const urls = import.meta.glob<string>('../../../resources/illustrations/*.svg', {
  query: '?url',
  import: 'default',
  eager: true,
})

/** The bundled URL of an illustration by its id (its file name without .svg). */
export function illustrationUrl(id: string): string | undefined {
  return urls[`../../../resources/illustrations/${id}.svg`]
}
