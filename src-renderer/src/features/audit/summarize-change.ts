// Turns an audit row's before/after summaries into one readable line: what changed, or what was
// recorded. The summaries never hold secrets (the main process strips them), so all can be shown.

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function summarizeChange(before: unknown, after: unknown): string {
  const was = asRecord(before);
  const now = asRecord(after);
  if (was && now) {
    const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
    return keys
      .filter((key) => show(was[key]) !== show(now[key]))
      .map((key) => `${key}: ${show(was[key])} → ${show(now[key])}`)
      .join('; ');
  }
  const only = now ?? was;
  if (only) return Object.entries(only).map(([key, value]) => `${key}: ${show(value)}`).join('; ');
  if (before === null && after === null) return '';
  return `${show(before)} → ${show(after)}`;
}
