import { i18n } from '../i18n';

/** Numbers and times in the user's own locale, not the UI language's default region. */
const locale = (): string[] => [...navigator.languages, i18n.language];

export const formatNumber = (n: number): string => new Intl.NumberFormat(locale()).format(n);

export const formatDateTime = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
};
