/**
 * The server's message for the field at `prefix` or anything under it ("allowedOrigins.2"),
 * undefined when there is none. An item of a list is named, e.g. "Line 3: ...", when
 * `item` says what to call it.
 */
export function errorAt(
  fields: Readonly<Record<string, string>> | undefined,
  prefix: string,
  item?: string,
): string | undefined {
  for (const [path, message] of Object.entries(fields ?? {})) {
    if (path === prefix) return message;
    if (!path.startsWith(`${prefix}.`)) continue;
    const index = Number(path.slice(prefix.length + 1).split('.')[0]);
    return item && Number.isInteger(index) ? `${item} ${index + 1}: ${message}` : message;
  }
  return undefined;
}
