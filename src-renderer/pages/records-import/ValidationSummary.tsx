import { useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport, IconListDetails } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RecordsImportOpened, RecordsImportSummary } from '../../../shared/api/schemas/records-import';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { ImportChanges } from './ImportChanges';
import { ImportCountTiles } from './ImportCountTiles';
import { ImportProblems } from './ImportProblems';
import { changesIn } from './records-import';

interface Props {
  opened: RecordsImportOpened;
  summary: RecordsImportSummary;
  /** Commits; a returned message is the server's refusal, shown in the dialog. */
  onCommit: (validOnly: boolean) => Promise<string | null>;
}

/**
 * What the dry run found: the counts, the errors to fix and every change (problems first, in
 * tabs, when there are errors), then Import (all rows, or explicitly the valid ones only).
 */
export function ValidationSummary({ opened, summary, onCommit }: Props) {
  const { t } = useTranslation();
  const [validOnly, setValidOnly] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const hasErrors = summary.errorCount > 0;
  const changes = changesIn(summary.counts);
  const canCommit = changes > 0 && (!hasErrors || validOnly);
  const n = (v: number) => formatNumber(v);

  return (
    <Panel title={t('recordsImport.summary.title')}>
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('recordsImport.summary.intro', { rows: n(summary.rows), count: summary.rows })}
        </Text>
        <ImportCountTiles summary={summary} />

        {hasErrors ? (
          <Tabs defaultValue="problems">
            <Tabs.List aria-label={t('recordsImport.summary.sections')}>
              <Tabs.Tab value="problems" leftSection={<IconAlertTriangle size={16} aria-hidden />}>
                {t('recordsImport.summary.problemsTab', { formatted: n(summary.errorCount) })}
              </Tabs.Tab>
              <Tabs.Tab value="changes" leftSection={<IconListDetails size={16} aria-hidden />}>
                {t('recordsImport.summary.changesTab', { formatted: n(summary.changeCount) })}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="problems" pt="md">
              <ImportProblems opened={opened} summary={summary} />
            </Tabs.Panel>
            <Tabs.Panel value="changes" pt="md">
              <ImportChanges summary={summary} intro={t('recordsImport.summary.changesIntroValidOnly')} />
            </Tabs.Panel>
          </Tabs>
        ) : changes === 0 ? (
          <Alert color="gray" role="status">
            {t('recordsImport.summary.noChanges')}
          </Alert>
        ) : (
          <>
            <Alert color="teal" icon={<IconCircleCheck />} role="status">
              {t('recordsImport.summary.allValid')}
            </Alert>
            <ImportChanges
              summary={summary}
              title={t('recordsImport.summary.changesTitle', { formatted: n(summary.changeCount) })}
              intro={t('recordsImport.summary.changesIntro')}
            />
          </>
        )}

        <Stack gap="sm">
          {hasErrors && changes > 0 && (
            <Checkbox
              label={t('recordsImport.summary.validOnly')}
              description={t('recordsImport.summary.validOnlyHint', {
                count: summary.rowsWithErrors,
                rows: n(summary.rowsWithErrors),
              })}
              checked={validOnly}
              onChange={(e) => setValidOnly(e.currentTarget.checked)}
            />
          )}
          <Group gap="sm">
            <Button
              leftSection={<IconFileImport size={16} aria-hidden />}
              disabled={!canCommit}
              onClick={() => setConfirming(true)}
            >
              {hasErrors
                ? t('recordsImport.summary.commitValid', { count: changes, formatted: n(changes) })
                : t('recordsImport.summary.commit', { count: changes, formatted: n(changes) })}
            </Button>
            {hasErrors && !validOnly && (
              <Text size="sm" c="dimmed">
                {t('recordsImport.summary.commitBlocked')}
              </Text>
            )}
          </Group>
        </Stack>
      </Stack>

      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('recordsImport.confirm.title')}
        confirmLabel={
          hasErrors
            ? t('recordsImport.summary.commitValid', { count: changes, formatted: n(changes) })
            : t('recordsImport.summary.commit', { count: changes, formatted: n(changes) })
        }
        onConfirm={() => onCommit(hasErrors && validOnly)}
      >
        <Stack gap="xs">
          <Text size="sm">{t('recordsImport.confirm.intro', { fileName: opened.fileName })}</Text>
          <List size="sm" spacing={2}>
            {summary.counts.created > 0 && (
              <List.Item>
                {t('recordsImport.confirm.created', {
                  count: summary.counts.created,
                  formatted: n(summary.counts.created),
                })}
              </List.Item>
            )}
            {summary.counts.updated > 0 && (
              <List.Item>
                {t('recordsImport.confirm.updated', {
                  count: summary.counts.updated,
                  formatted: n(summary.counts.updated),
                })}
              </List.Item>
            )}
            {summary.counts.deleted > 0 && (
              <List.Item>
                {t('recordsImport.confirm.deleted', {
                  count: summary.counts.deleted,
                  formatted: n(summary.counts.deleted),
                })}
              </List.Item>
            )}
            {summary.counts.unchanged > 0 && (
              <List.Item>
                {t('recordsImport.confirm.unchanged', {
                  count: summary.counts.unchanged,
                  formatted: n(summary.counts.unchanged),
                })}
              </List.Item>
            )}
            {hasErrors && (
              <List.Item>
                {t('recordsImport.confirm.skipped', {
                  count: summary.rowsWithErrors,
                  formatted: n(summary.rowsWithErrors),
                })}
              </List.Item>
            )}
          </List>
          <Text size="sm">{t('recordsImport.confirm.seeChanges')}</Text>
          <Text size="sm">{t('recordsImport.confirm.undoable')}</Text>
        </Stack>
      </ConfirmDialog>
    </Panel>
  );
}
