// Small statistics and formatting helpers; no absolute-time assertions anywhere, only ratios.

export function median(values) {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile of the values (q from 0 to 1); NaN for none. */
export function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const low = Math.floor(pos);
  const high = Math.ceil(pos);
  return sorted[low] + (sorted[high] - sorted[low]) * (pos - low);
}

export function ratio(value, baseline) {
  return Number.isFinite(value) && Number.isFinite(baseline) && baseline !== 0 ? value / baseline : NaN;
}

export const fmt = {
  ms: (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)} ms` : '—'),
  us: (v) => (Number.isFinite(v) ? `${v.toFixed(0)} µs` : '—'),
  ratio: (v) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : '—'),
  bytes: (v) => {
    if (!Number.isFinite(v)) return '—';
    if (v >= 1024 * 1024) return `${(v / 1024 / 1024).toFixed(2)} MB`;
    if (v >= 1024) return `${(v / 1024).toFixed(1)} kB`;
    return `${v} B`;
  },
  /** Memory as whole MiB, which is what a container limit is written in. */
  rss: (v) => (Number.isFinite(v) ? `${(v / 1024 / 1024).toFixed(0)} MiB` : '—'),
  rate: (v, unit) => (Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')} ${unit}` : '—'),
  count: (v) => (Number.isFinite(v) ? String(v) : '—'),
};
