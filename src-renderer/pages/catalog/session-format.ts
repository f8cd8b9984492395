import { i18n } from '../../i18n';

const locale = (): string[] => [...navigator.languages, i18n.language];

/** "Tue, 3 Dec 2026, 09:00 – 12:00" (the end's date only when it is another day). */
export function formatSessionTime(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsAt} – ${endsAt}`;
  const sameDay = start.toDateString() === end.toDateString();
  const full = new Intl.DateTimeFormat(locale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const time = new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' });
  return `${full.format(start)} – ${sameDay ? time.format(end) : full.format(end)}`;
}
