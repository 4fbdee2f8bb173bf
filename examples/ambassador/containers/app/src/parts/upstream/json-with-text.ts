/**
 * `fields` as JSON, with `key` holding `json`: a JSON text that was checked and is passed
 * through as it is, never turned into objects (none when `json` is undefined).
 */
export function jsonWithText(fields: Record<string, unknown>, key: string, json: string | undefined): string {
  const text = JSON.stringify(fields);
  if (json === undefined) return text;
  return `${text.slice(0, -1)}${text === '{}' ? '' : ','}${JSON.stringify(key)}:${json}}`;
}
