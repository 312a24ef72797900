/**
 * `items` joined by `separator`, the first `shown` of them, then how many more: a pull request
 * decides how long a list of its modules, files or packages is, and a log line or a report must
 * not grow with it.
 */
export function shortList(items: readonly string[], shown: number, separator = ', '): string {
  const more = items.length - shown
  return more > 0 ? `${items.slice(0, shown).join(separator)} and ${more} more` : items.join(separator)
}
