import { useMemo } from 'react';
import { useChannelQuery } from '../../api/queries';

// The dashboard's month and weeks are the reader's own: they start at local midnight on the
// first of the month and on Monday, sent as instants so the main process counts the same span.

export function localPeriodStarts(now = new Date()): { monthStart: string; weekStart: string } {
  const monthStart = new Date(now.getFullYear(), now.getMonth(), 1);
  const daysSinceMonday = (now.getDay() + 6) % 7;
  const weekStart = new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysSinceMonday);
  return { monthStart: monthStart.toISOString(), weekStart: weekStart.toISOString() };
}

export function useDashboard() {
  const input = useMemo(() => localPeriodStarts(), []);
  return useChannelQuery('dashboard.summary', input);
}
