import { useState } from 'react';
import {
  Anchor,
  Button,
  Checkbox,
  EmptyState,
  Group,
  MultiSelect,
  Paper,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconChecklist, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallInput, CallOutput } from '../../../shared/api/contract';
import { BackLink } from '../../components/BackLink';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import { formatIsoDate, todayIso } from '../records/record-format';
import tableClasses from '../tables.module.css';
import { ScopeUnitSelect } from './filter-options';
import { RemindButton } from './RemindButton';
import { ComplianceBadge } from './status';

const PAGE_SIZE = 50;
const ATTENTION = ['overdue', 'expired', 'expiring', 'missing'] as const;
type AttentionStatus = (typeof ATTENTION)[number];
type Row = CallOutput<'compliance.attention'>['rows'][number];
const keyOf = (r: Row) => `${r.personId}/${r.moduleId}`;

/** Expiring, expired and overdue requirements in scope, most urgent first, with a bulk "Record result". */
export function AttentionPage() {
  const { t } = useTranslation();
  const user = useUser();
  const canRecord = hasPrivilege(user, 'results.record');
  const canRemind = hasPrivilege(user, 'assignments.manage');
  const [asOf, setAsOf] = useState(todayIso);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [statuses, setStatuses] = useState<AttentionStatus[]>(['overdue', 'expired', 'expiring']);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ReadonlyMap<string, Row>>(new Map());

  const input: CallInput<'compliance.attention'> = {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    statuses: statuses.length ? statuses : [...ATTENTION],
  };
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) input.asOf = asOf;
  if (unitId) input.unitId = unitId;
  const { data, error, loading, reload } = useCall('compliance.attention', input);
  const rows = data?.rows ?? [];
  const refilter = () => {
    setPage(1);
    setSelected(new Map());
  };

  const toggle = (r: Row, on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (on) next.set(keyOf(r), r);
      else next.delete(keyOf(r));
      return next;
    });
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(keyOf(r)));
  const picked = [...selected.values()];
  const modules = new Set(picked.map((r) => r.moduleId));
  const recordHref =
    picked.length > 0 && modules.size === 1
      ? `/results/record?${new URLSearchParams({
          moduleId: picked[0]?.moduleId ?? '',
          personIds: picked.map((r) => r.personId).join(','),
        }).toString()}`
      : null;

  const headers = [
    t('compliance.attention.selectColumn'),
    ...(['person', 'unit', 'module', 'status', 'due', 'expiry'] as const).map((c) =>
      t(`compliance.attention.columns.${c}`),
    ),
  ];

  return (
    <Page title={t('compliance.attention.title')} description={t('compliance.attention.description')}>
      <BackLink to="/compliance" label={t('compliance.attention.backToMatrix')} />
      <Paper withBorder radius="md">
        <Group p="md" gap="md" align="flex-end" className={tableClasses.toolbar}>
          <TextInput
            type="date"
            label={t('compliance.asOf')}
            value={asOf}
            onChange={(e) => {
              setAsOf(e.currentTarget.value);
              refilter();
            }}
            w={160}
          />
          <ScopeUnitSelect
            label={t('compliance.unit')}
            placeholder={t('compliance.unitAll')}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              refilter();
            }}
            clearable
            w={220}
          />
          <MultiSelect
            label={t('compliance.statuses')}
            placeholder={statuses.length ? undefined : t('compliance.statusesPlaceholder')}
            data={ATTENTION.map((s) => ({ value: s, label: t(`compliance.status.${s}`) }))}
            value={statuses}
            onChange={(v) => {
              setStatuses(v as AttentionStatus[]);
              refilter();
            }}
            w={340}
          />
          {(canRecord || canRemind) && (
            <Group gap="sm" ml="auto" align="center">
              <Text size="sm" c="dimmed" role="status">
                {canRecord && picked.length > 0 && modules.size > 1
                  ? t('compliance.attention.oneModule')
                  : t('compliance.attention.selected', { count: picked.length })}
              </Text>
              {canRemind && <RemindButton rows={picked} onSent={() => setSelected(new Map())} />}
              {!canRecord ? null : recordHref ? (
                <Button
                  component={Link}
                  to={recordHref}
                  leftSection={<IconChecklist size={16} aria-hidden />}
                  title={t('compliance.attention.recordHint')}
                >
                  {t('compliance.attention.recordResult')}
                </Button>
              ) : (
                // A real disabled button (not a link) until rows of one module are picked.
                <Button disabled leftSection={<IconChecklist size={16} aria-hidden />}>
                  {t('compliance.attention.recordResult')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {error ? (
          <LoadError title={t('compliance.attention.loadFailed')} message={error.message} onRetry={reload} />
        ) : data && rows.length === 0 ? (
          <EmptyState
            icon={<IconCircleCheck size={28} stroke={1.5} />}
            withIndicatorBackground
            title={t('compliance.attention.empty')}
            description={t('compliance.attention.emptyHint')}
            py={48}
            role="status"
          />
        ) : (
          <PagedTable
            headers={headers}
            caption={t('compliance.attention.caption')}
            minWidth={900}
            rows={rows}
            loading={loading}
            firstLoad={loading && !data}
            paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
            renderRow={(r) => (
              <Table.Tr key={keyOf(r)}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('compliance.attention.select', { name: r.name, module: r.title })}
                    checked={selected.has(keyOf(r))}
                    onChange={(e) => toggle(r, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/people/${encodeURIComponent(r.personId)}?tab=compliance`}
                    size="sm"
                    fw={600}
                  >
                    {r.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {r.email}
                  </Text>
                </Table.Td>
                <Table.Td className={tableClasses.nowrap}>{r.unitName}</Table.Td>
                <Table.Td>
                  <Text size="sm">{r.title}</Text>
                  <Text size="xs" c="dimmed">
                    {r.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ComplianceBadge status={r.status} />
                </Table.Td>
                <Table.Td className={tableClasses.nowrap}>{formatIsoDate(r.dueDate)}</Table.Td>
                <Table.Td className={tableClasses.nowrap}>{formatIsoDate(r.expiryDate)}</Table.Td>
              </Table.Tr>
            )}
          />
        )}
        {rows.length > 0 && (
          <Group px="md" pb="sm">
            <Checkbox
              label={t('compliance.attention.selectAll')}
              checked={allOnPage}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                for (const r of rows) toggle(r, on);
              }}
            />
          </Group>
        )}
      </Paper>
    </Page>
  );
}
