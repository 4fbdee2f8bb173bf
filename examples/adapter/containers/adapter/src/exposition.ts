import type { MetricFamily } from './translate';

/**
 * The app's metric families in Prometheus text format (version 0.0.4), written here rather
 * than through prom-client: prom-client counts inside a process (inc, observe), while the
 * adapter relays totals the app has already counted, a summary's sum and count included,
 * and a scrape's worth of them lives only as long as the scrape.
 */
export function renderFamilies(families: MetricFamily[]): string {
  const lines: string[] = [];
  for (const { name, kind, help, samples } of families) {
    lines.push(`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${kind}`);
    for (const { suffix = '', labels, value } of samples) lines.push(`${name}${suffix}${renderLabels(labels)} ${renderValue(value)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function renderLabels(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

function renderValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

// The escapes the text format defines: a backslash and a newline in HELP, and a double quote too in a label value.
const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabelValue = (text: string) => escapeHelp(text).replace(/"/g, '\\"');
