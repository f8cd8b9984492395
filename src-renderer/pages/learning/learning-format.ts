import { i18n } from '../../i18n';

const locale = (): string[] => [...navigator.languages, i18n.language];

/** An ISO date (`YYYY-MM-DD`) as the user reads dates; shown as-is when it does not parse. */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(d);
}

/** A session's start and end on one line: "12 Mar 2026, 09:00–12:00". */
export function formatSessionTime(startsAt: string, endsAt: string): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return `${startsAt} – ${endsAt}`;
  const day = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' });
  const time = new Intl.DateTimeFormat(locale(), { timeStyle: 'short' });
  if (day.format(s) === day.format(e)) return `${day.format(s)}, ${time.format(s)}–${time.format(e)}`;
  return `${day.format(s)} ${time.format(s)} – ${day.format(e)} ${time.format(e)}`;
}

export function formatDuration(totalSeconds: number | null): string {
  if (totalSeconds === null) return '—';
  const t = i18n.t.bind(i18n);
  const secs = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  if (h > 0) return t('learningScreens.duration.hours', { h, m });
  if (m > 0) return t('learningScreens.duration.minutes', { m, s });
  return t('learningScreens.duration.seconds', { s });
}

export const formatBytes = (n: number): string => {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
};

export const moduleLink = (moduleId: string): string => `/training/${encodeURIComponent(moduleId)}`;
