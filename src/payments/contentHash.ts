/**
 * Canonical JSON of a value: object keys sorted, bigints as `"123n"`, Money-like classes
 * through their own fields. Deterministic and platform neutral.
 * @example
 * canonicalJson({ b: 1n, a: 'x' }) //=> '{"a":"x","b":"1n"}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'bigint':
      return `"${value.toString()}n"`;
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object': {
      // Built with string appends rather than map/filter/join: settlements hash on the hot path.
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `${out}]`;
      }
      const rec = value as Record<string, unknown>;
      const keys = Object.keys(rec).sort();
      let out = '{';
      for (const k of keys) {
        const v = rec[k];
        if (v === undefined) continue;
        out += `${out.length === 1 ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`;
      }
      return `${out}}`;
    }
    default:
      return 'null';
  }
}

/** FNV-1a 32-bit of `prefix` then `text`, without concatenating them. */
function fnv1a(prefix: string, text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < prefix.length; i++) {
    h ^= prefix.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A 64-bit content hash (two FNV-1a 32-bit passes with different seeds) of the canonical
 * JSON of `value`, as 16 hex digits. Pure code, no `node:crypto`.
 * @example
 * contentHash({ a: 1 }) === contentHash({ a: 1 }) //=> true
 */
export function contentHash(value: unknown): string {
  const text = canonicalJson(value);
  const a = fnv1a('', text, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(`${text.length}:`, text, 0x01234567).toString(16).padStart(8, '0');
  return a + b;
}
