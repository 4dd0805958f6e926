/**
 * Id lookups into an inventory's lists, indexed once per list. Rules run once per subject; a rule that
 * filtered `inventory.usagePlans` for every stage (or `inventory.domains` for every API) made the whole
 * evaluation quadratic in the size of the inventory.
 */
const indexes = new WeakMap<readonly { readonly id: string }[], Map<string, number[]>>();

/**
 * The items of `list` whose id is in `ids`, in the list's order: the same result as
 * `list.filter((x) => ids.includes(x.id))`, in time proportional to `ids` once the list is indexed.
 * The list must not change after its first lookup (inventories are built once, then only read).
 */
export function itemsWithIds<T extends { readonly id: string }>(list: readonly T[], ids: readonly string[]): T[] {
  if (ids.length === 0) return [];
  let index = indexes.get(list);
  if (!index) {
    const built = new Map<string, number[]>();
    list.forEach((item, position) => {
      const positions = built.get(item.id);
      if (positions) positions.push(position);
      else built.set(item.id, [position]);
    });
    indexes.set(list, built);
    index = built;
  }
  const positions = new Set<number>();
  for (const id of ids) for (const position of index.get(id) ?? []) positions.add(position);
  return [...positions].sort((a, b) => a - b).map((position) => list[position]);
}
