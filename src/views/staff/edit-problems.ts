/**
 * Where in the editor a problem of a page belongs: "title" and "summary" are the page's own
 * fields, "2:items" is the items field of block 2, "2:pairs.0.question" a question of a
 * questions-and-answers block, "2:alternative.steps" the chair version of a stretch. Anything
 * else (a field staff cannot type in) is returned as it is.
 */
export function blockFieldOf(path: string): string {
  const [first, index, key, ...rest] = path.split('.')
  if (first !== 'blocks' || index === undefined || !/^\d+$/.test(index)) return path
  if (key === undefined) return path
  if (key === 'pairs') return `${index}:${[key, ...rest.slice(0, 2)].join('.')}`
  if (key === 'alternative') return `${index}:${[key, rest[0] ?? ''].join('.')}`
  return `${index}:${key}`
}
