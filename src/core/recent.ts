/**
 * A memo of the `kept` newest results by key, the oldest dropped first: for pure, costly
 * results the page asks for again and again (a typed formula compiled, its surface built),
 * with memory bounded however many a user types.
 */
export function recent<V>(kept: number): (key: string, make: () => V) => V {
  const entries = new Map<string, V>();
  return (key, make) => {
    if (entries.has(key)) return entries.get(key)!;
    const value = make();
    if (entries.size >= kept) entries.delete(entries.keys().next().value!);
    entries.set(key, value);
    return value;
  };
}
