/**
 * Freezes `value` in place and everything reachable from it: the fields of objects (not what
 * their getters return), the elements of arrays, and the keys and values of maps and sets (a
 * frozen Map still accepts `set`, but nothing it holds can be changed). For values built once
 * and handed to every caller, such as a compiled price book (whose `agreements` getter hands
 * out records it froze itself). Typed arrays cannot be frozen and are left as they are (a
 * price book's compact index: internal, never handed to a caller).
 */
export function freezeDeep<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      freezeDeep(k);
      freezeDeep(v);
    }
  } else if (value instanceof Set) {
    for (const v of value) freezeDeep(v);
  } else if (Array.isArray(value)) {
    for (const v of value) freezeDeep(v);
  } else {
    // Fields only: a getter (a price book's `agreements`, built on first read) is not called.
    for (const key of Object.keys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d !== undefined && 'value' in d) freezeDeep(d.value);
    }
  }
  return value;
}
