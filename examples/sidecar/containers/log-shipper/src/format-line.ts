/**
 * Makes a formatter for the lines of one file: each line becomes one JSON object tagged
 * with `source`. A line that is a JSON object keeps its own text (not re-serialised, so
 * nothing is reordered or rounded); anything else is wrapped as
 * `{ source, message, malformed: true }`. Blank lines give undefined.
 */
export function lineFormatter(source: string): (line: string) => string | undefined {
  const sourceField = `"source":${JSON.stringify(source)}`;
  return (line) => {
    const text = line.trim();
    if (text === '') return undefined;
    const value = parseJson(text);
    if (!isObject(value)) {
      return JSON.stringify({ source, message: line.endsWith('\r') ? line.slice(0, -1) : line, malformed: true });
    }
    // The line's own "source" would clash with ours: rebuild it, ours wins.
    if (Object.hasOwn(value, 'source')) return JSON.stringify({ ...value, source });
    return /^\{\s*\}$/.test(text) ? `{${sourceField}}` : `{${sourceField},${text.slice(1)}`;
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
