import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconBell,
  IconCalendarX,
  IconCertificate,
  IconCertificateOff,
  IconChecks,
  IconClipboardPlus,
  IconClock,
  IconHourglass,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import type { ApiErrorBody } from '../../shared/api/errors';
import { client } from '../api/client';
import { i18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useSessionStore } from '../state/session-store';
import classes from './NotificationsMenu.module.css';

type NotificationList = CallOutput<'notifications.list'>;
type Notification = NotificationList['rows'][number];
type Kind = Notification['kind'];

/** How often the unread count is refreshed while the app is open. */
const POLL_MS = 60_000;
/** The popover shows the newest few; older ones stay in the database. */
const SHOWN = 20;

const KINDS: Record<Kind, { icon: typeof IconBell; color: string }> = {
  new_required: { icon: IconClipboardPlus, color: 'blue' },
  due_soon: { icon: IconClock, color: 'yellow' },
  overdue: { icon: IconAlertTriangle, color: 'red' },
  expiring: { icon: IconHourglass, color: 'orange' },
  expired: { icon: IconCalendarX, color: 'red' },
  certificate_issued: { icon: IconCertificate, color: 'teal' },
  certificate_invalid: { icon: IconCertificateOff, color: 'red' },
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "yesterday": how long ago, in the UI language. */
function ago(iso: string, now: number, justNow: string): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return iso;
  const seconds = Math.round((at - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return justNow;
}

/**
 * The signed-in person's notifications, refreshed every minute while `active`
 * (the shell is mounted and signed in); answers that arrive after a newer
 * request, or after polling stopped, are dropped.
 */
function useNotificationFeed(active: boolean) {
  const [data, setData] = useState<NotificationList | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  /** When the list was fetched: "3 minutes ago" counts from here. */
  const [asOf, setAsOf] = useState(0);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (!active) return;
    let stale = false;
    void client.invoke('notifications.list', { unreadOnly: false }).then((res) => {
      if (stale) return;
      if (res.ok) {
        setData(res.value);
        setAsOf(Date.now());
        setError(null);
      } else {
        setError(res.error);
      }
    });
    return () => {
      stale = true;
    };
  }, [active, tick]);

  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(refresh, POLL_MS);
    return () => window.clearInterval(timer);
  }, [active, refresh]);

  /** Shows rows as read at once, before the server's answer comes back. */
  const markLocally = useCallback((ids: ReadonlySet<string> | 'all') => {
    setData((prev) => {
      if (!prev) return prev;
      const rows = prev.rows.map((r) => (ids === 'all' || ids.has(r.id) ? { ...r, read: true } : r));
      const changed = prev.rows.filter((r, i) => !r.read && rows[i]?.read).length;
      return { rows, unread: ids === 'all' ? 0 : Math.max(0, prev.unread - changed) };
    });
  }, []);

  return { data, asOf, error, setError, refresh, markLocally };
}

/** The bell in the header: unread count, and the newest notifications in a popover. */
export function NotificationsMenu() {
  const { t } = useTranslation();
  const signedIn = useSessionStore((s) => s.status === 'signed-in');
  const feed = useNotificationFeed(signedIn);
  const { refresh, markLocally, setError } = feed;
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const bellRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const unread = feed.data?.unread ?? 0;
  const rows = feed.data?.rows.slice(0, SHOWN) ?? [];

  function toggle() {
    if (!opened) refresh();
    setOpened((o) => !o);
  }

  function close(focusBell: boolean) {
    setOpened(false);
    if (focusBell) requestAnimationFrame(() => bellRef.current?.focus());
  }

  async function markRead(ids: string[]): Promise<boolean> {
    if (!ids.length) return true;
    const res = await client.invoke('notifications.markRead', { ids });
    if (!res.ok) setError(res.error);
    return res.ok;
  }

  function open(n: Notification) {
    // Following the link navigates away; the shell moves focus to the new page.
    close(false);
    if (n.read) return;
    markLocally(new Set([n.id]));
    void markRead([n.id]).then(refresh);
  }

  async function markAll() {
    setBusy(true);
    markLocally('all');
    // The list answers at most a couple of hundred rows: repeat until none is left unread.
    for (let round = 0; round < 10; round++) {
      const res = await client.invoke('notifications.list', { unreadOnly: true });
      if (!res.ok) {
        setError(res.error);
        break;
      }
      if (!res.value.rows.length || !(await markRead(res.value.rows.map((r) => r.id)))) break;
    }
    refresh();
    setBusy(false);
    // The button is gone now; keep focus inside the popover rather than losing it to the page.
    headingRef.current?.focus();
  }

  const bellLabel = unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  return (
    // The count sits outside the popover's target, so the button itself carries aria-expanded.
    <Indicator
      label={<span aria-hidden>{unread > 99 ? '99+' : unread}</span>}
      disabled={!unread}
      size={18}
      offset={6}
      color="red"
      classNames={{ indicator: classes.count }}
    >
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={380}
        shadow="md"
        trapFocus
        withinPortal
      >
        <Popover.Target>
          <ActionIcon
            ref={bellRef}
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            aria-label={bellLabel}
            onClick={toggle}
          >
            <IconBell size={20} stroke={1.6} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown
          p={0}
          aria-labelledby={headingId}
          onKeyDownCapture={(e) => {
            // Mantine closes on Escape; focus goes back to the bell that opened it.
            if (e.key === 'Escape') close(true);
          }}
        >
          <Group justify="space-between" px="md" py="sm" mih={52} className={classes.header} wrap="nowrap">
            <Title order={2} size="h5" id={headingId} ref={headingRef} tabIndex={-1} data-autofocus>
              {t('notifications.title')}
            </Title>
            {unread > 0 && (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconChecks size={16} aria-hidden />}
                loading={busy}
                onClick={() => void markAll()}
              >
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          {feed.error && (
            <Text size="sm" c="red.8" px="md" py="xs" role="alert">
              {t('notifications.loadFailed', { message: feed.error.message })}
            </Text>
          )}
          {!feed.data && !feed.error ? (
            <Group justify="center" p="lg">
              <Loader size="sm" aria-label={t('common.loading')} />
            </Group>
          ) : rows.length === 0 ? (
            <Text c="dimmed" size="sm" ta="center" p="lg">
              {t('notifications.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah="min(60vh, 480px)" type="auto">
              <ul className={classes.list}>
                {rows.map((n) => (
                  <li key={n.id}>
                    <NotificationItem n={n} now={feed.asOf} onOpen={() => open(n)} />
                  </li>
                ))}
              </ul>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

function NotificationItem({ n, now, onOpen }: { n: Notification; now: number; onOpen: () => void }) {
  const { t } = useTranslation();
  const kind = KINDS[n.kind];
  const body = (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" color={kind.color} radius="xl" size={32} aria-hidden>
        <kind.icon size={18} stroke={1.6} />
      </ThemeIcon>
      <div className={classes.text}>
        <Text size="sm" fw={n.read ? 400 : 700} className={classes.title}>
          {!n.read && <VisuallyHidden>{t('notifications.unread')} </VisuallyHidden>}
          {n.title}
        </Text>
        <Text size="sm" c="dimmed" className={classes.body}>
          {n.body}
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
            {ago(n.createdAt, now, t('notifications.justNow'))}
          </time>
        </Text>
      </div>
      {!n.read && <span className={classes.dot} aria-hidden />}
    </Group>
  );
  const to = n.certificateId ? '/my-certificates' : n.moduleId ? `/training/${n.moduleId}` : null;
  if (!to) {
    return <div className={classes.item}>{body}</div>;
  }
  return (
    <UnstyledButton component={Link} to={to} className={classes.item} onClick={onOpen}>
      {body}
    </UnstyledButton>
  );
}
