/**
 * Strings laid end to end in one string, and where each ends in it: a million strings held
 * cost every young-generation collection like a million objects; one string and one typed array
 * cost nothing there. Used for a price book's record ids.
 */
export type JoinedStrings = { readonly text: string; readonly ends: Int32Array };

/** `list` as one string and its end offsets. */
export function joinStrings(list: readonly string[]): JoinedStrings {
  const ends = new Int32Array(list.length);
  let end = 0;
  for (let i = 0; i < list.length; i++) ends[i] = end += (list[i] as string).length;
  return { text: list.join(''), ends };
}

/** The `i`-th string (a new string, cut out of the joined text). */
export function stringAt(s: JoinedStrings, i: number): string {
  return s.text.slice(i === 0 ? 0 : s.ends[i - 1], s.ends[i]);
}
