import { useTranslation } from 'react-i18next';
import type { RecordRow } from '../../../shared/api/schemas/records';
import { TagBadge } from '../../components/TagBadge';
import { i18n } from '../../i18n';

const locales = (): string[] => [...navigator.languages, i18n.language];

/** "2026-03-01" → "1 Mar 2026" (in the user's locale); dates carry no zone, so format them as UTC. */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locales(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** Today on this machine's calendar, as YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const STATUS_COLOR: Record<RecordRow['status'], string> = {
  valid: 'teal',
  expiring: 'yellow',
  expired: 'red',
  no_expiry: 'gray',
};

/** Whether a record is still valid, in words (the colour only repeats them). */
export function RecordStatusBadge({ status }: { status: RecordRow['status'] }) {
  const { t } = useTranslation();
  return <TagBadge color={STATUS_COLOR[status]}>{t(`recordsScreens.status.${status}`)}</TagBadge>;
}

const RESULT_COLOR = { completed: 'blue', passed: 'teal', failed: 'red' } as const;

export function ResultStatusBadge({ status }: { status: keyof typeof RESULT_COLOR }) {
  const { t } = useTranslation();
  return <TagBadge color={RESULT_COLOR[status]}>{t(`recordsScreens.resultStatus.${status}`)}</TagBadge>;
}
