// Periods as `vigie dyad` names them: `2024` (year), `2024-08` (month), `2024-W34` (ISO week),
// `2024-08-20` (day). The relation view turns a period into a day range for /api/events and
// fills the periods without events so the timeline's spacing is true to time.
import type { Period } from './types';

const DAY_MS = 86_400_000;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Monday of ISO week `w` of ISO year `y` (week 1 holds January 4th). */
function isoWeekMonday(y: number, w: number): Date {
  const jan4 = Date.UTC(y, 0, 4);
  const dow = new Date(jan4).getUTCDay() || 7; // Monday 1 … Sunday 7
  return new Date(jan4 - (dow - 1) * DAY_MS + (w - 1) * 7 * DAY_MS);
}

function isoWeekOf(d: Date): [number, number] {
  const dow = d.getUTCDay() || 7;
  const thursday = new Date(d.getTime() + (4 - dow) * DAY_MS); // its year is the ISO year
  const y = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(y, 0, 1)) / DAY_MS / 7) + 1;
  return [y, week];
}

/** Which `by` a period label was made with (`2024-W34` → week), or null. */
export function periodKind(period: string): Period | null {
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^\d{4}-W\d{1,2}$/.test(period)) return 'week';
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return 'day';
  return null;
}

/** Inclusive first and last day of a period, or null when the label is not understood. */
export function periodRange(period: string): { from: string; to: string } | null {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const y = +m[1];
    const mo = +m[2];
    return { from: `${m[1]}-${m[2]}-01`, to: iso(new Date(Date.UTC(y, mo, 0))) };
  }
  m = /^(\d{4})-W(\d{1,2})$/.exec(period);
  if (m) {
    const monday = isoWeekMonday(+m[1], +m[2]);
    return { from: iso(monday), to: iso(new Date(monday.getTime() + 6 * DAY_MS)) };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (m) return { from: period, to: period };
  return null;
}

function label(d: Date, by: Period): string {
  switch (by) {
    case 'year':
      return String(d.getUTCFullYear());
    case 'month':
      return iso(d).slice(0, 7);
    case 'day':
      return iso(d);
    case 'week': {
      const [y, w] = isoWeekOf(d);
      return `${y}-W${String(w).padStart(2, '0')}`;
    }
  }
}

function next(d: Date, by: Period): Date {
  switch (by) {
    case 'year':
      return new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1));
    case 'month':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    case 'week':
      return new Date(d.getTime() + 7 * DAY_MS);
    case 'day':
      return new Date(d.getTime() + DAY_MS);
  }
}

/**
 * Every period label from the first to the last of `periods` (sorted), or `periods` unchanged
 * when that would be more than `max` labels (a daily axis over years stays sparse).
 */
export function fillPeriods(periods: string[], by: Period, max = 400): string[] {
  if (periods.length < 2) return periods;
  const first = periodRange(periods[0]);
  const last = periodRange(periods[periods.length - 1]);
  if (!first || !last) return periods;
  const end = Date.parse(last.from);
  const out: string[] = [];
  // Weeks are labelled by their Monday's ISO week; other periods start on their `from` day.
  for (let d = new Date(Date.parse(first.from)); d.getTime() <= end; d = next(d, by)) {
    out.push(label(d, by));
    if (out.length > max) return periods;
  }
  // Only trust the filled axis if it contains every real period (labels agree with the server).
  const set = new Set(out);
  return periods.every((p) => set.has(p)) ? out : periods;
}
