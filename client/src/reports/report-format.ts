// How report figures read: durations in the largest sensible units, ranges as local dates.

/** "45 s", "12 min", "3 h 20 min", "2 d 4 h"; "–" when there is nothing to measure. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** A local date ("YYYY-MM-DD") in a zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export type RangePreset = '7' | '30' | '90' | '365' | 'custom';

/** The last `days` days up to today, in the zone. */
export function presetRange(days: number, today: string): { from: string; to: string } {
  return { from: shiftDate(today, 1 - days), to: today };
}

/** "good" share of ratings, as a whole percentage; null without ratings. */
export function goodShare(summary: { good: number; responses: number }): number | null {
  return summary.responses ? Math.round((summary.good / summary.responses) * 100) : null;
}

/** Steps a duration axis may take: whole minutes, hours, days. */
const STEPS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800, 2_592_000];

/** Ticks from 0 past `longest` seconds in a round step, at most six of them. */
export function durationTicks(longest: number): number[] {
  const step = STEPS.find((candidate) => longest / candidate <= 5) ?? Math.ceil(longest / 5);
  const count = Math.max(1, Math.ceil(longest / step));
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}
