/**
 * JSON text of plain data, as `JSON.stringify` writes it, but deaf to the page's patches: old
 * libraries (Prototype.js) add `Array.prototype.toJSON`, which `JSON.stringify` would call and
 * so send an array as a string. Primitives have no `toJSON` lookup, so they go to the native
 * function; objects and arrays are walked here (own keys only, undefined left out).
 */
export function toJson(value: unknown): string {
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) items.push(item === undefined ? 'null' : toJson(item));
    return `[${items.join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const fields: string[] = [];
    for (const key of Object.keys(value)) {
      const field: unknown = Reflect.get(value, key);
      if (field !== undefined) fields.push(`${JSON.stringify(key)}:${toJson(field)}`);
    }
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
