// Elementary-interval index over half-open intervals [lo, hi) (hi undefined = unbounded): the
// sorted distinct end points cut the line into segments, and each segment lists the intervals
// that cover it whole. A point query is one binary search; the intervals it falls in are the
// members of its segment, in the order they were given.

/** The segments of one set of intervals; `members[k]` covers `[points[k], points[k + 1])`. */
export type Segments<K> = { readonly points: readonly K[]; readonly members: readonly (readonly number[])[] };

/**
 * Index of the intervals `ids` (ascending), or undefined when the segments would hold more than
 * `limit` memberships in all (nested intervals make the index quadratic; callers then scan).
 */
export function buildSegments<K>(
  ids: readonly number[],
  lo: (i: number) => K,
  hi: (i: number) => K | undefined,
  compare: (a: K, b: K) => number,
  limit: number,
): Segments<K> | undefined {
  const all: K[] = [];
  for (const i of ids) {
    all.push(lo(i));
    const h = hi(i);
    if (h !== undefined) all.push(h);
  }
  all.sort(compare);
  const points: K[] = [];
  for (const p of all) if (points.length === 0 || compare(points[points.length - 1] as K, p) !== 0) points.push(p);
  const members: number[][] = points.map(() => []);
  let total = 0;
  for (const i of ids) {
    const from = segmentOf(points, lo(i), compare);
    const h = hi(i);
    const to = h === undefined ? points.length : segmentOf(points, h, compare);
    total += to - from;
    if (total > limit) return undefined;
    for (let k = from; k < to; k++) (members[k] as number[]).push(i);
  }
  return { points, members };
}

/** The segment holding `x`: the last `k` with `points[k] <= x`, or −1 below the first point. */
export function segmentOf<K>(points: readonly K[], x: K, compare: (a: K, b: K) => number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(points[mid] as K, x) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
