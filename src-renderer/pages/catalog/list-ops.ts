/** Small immutable list edits shared by the content editors. */
export const moved = <T>(list: readonly T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};
export const replaced = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));
export const removed = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);
export const newId = (): string => crypto.randomUUID();
