/**
 * Finds every loop in a "reports to" graph: A reports to B, B to C, C to A.
 * Pure, so the same rule serves a single edit and a whole import (where the
 * loop may run through rows of the file and people already in the database).
 * Each cycle is returned once, in reporting order, starting at its first node
 * in `nodes` order.
 */
export function findManagerCycles(
  nodes: Iterable<string>,
  managerOf: (node: string) => string | null | undefined,
): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of nodes) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let node: string | null | undefined = start;
    while (node && !done.has(node)) {
      const at = onPath.get(node);
      if (at !== undefined) {
        cycles.push(path.slice(at));
        break;
      }
      onPath.set(node, path.length);
      path.push(node);
      node = managerOf(node);
    }
    for (const n of path) done.add(n);
  }
  return cycles;
}

/** "Ada Ek → Bo Ek → Ada Ek": a loop named the way people read it. */
export const describeCycle = (names: readonly string[]): string => [...names, names[0] ?? ''].join(' → ');
