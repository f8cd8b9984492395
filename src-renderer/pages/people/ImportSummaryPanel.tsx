import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { ImportCounts } from './ImportCounts';
import { ImportNewNames } from './ImportNewNames';
import { ImportProblems } from './ImportProblems';
import { changesIn, DELIMITERS, type Checked, type Phase } from './people-import';

/** What the check found: the counts, new lookups, the problems, and Import when there are none. */
export function ImportSummaryPanel({
  checked,
  phase,
  onCommit,
}: {
  checked: Checked;
  phase: Phase;
  onCommit: () => void;
}) {
  const { t } = useTranslation();
  const { summary } = checked;
  const changes = changesIn(summary);
  return (
    <Panel title={t('peopleImport.summaryTitle')}>
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('peopleImport.summaryIntro')}{' '}
          {t('peopleImport.detected', {
            encoding: t(`peopleImport.encodings.${summary.encoding}`),
            delimiter: t(`peopleImport.delimiters.${DELIMITERS[summary.delimiter]}`),
          })}
        </Text>
        <ImportCounts summary={summary} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ImportNewNames title={t('peopleImport.newDepartments')} names={summary.newDepartments} />
          <ImportNewNames title={t('peopleImport.newJobTitles')} names={summary.newJobTitles} />
        </SimpleGrid>
        {summary.errors.length > 0 ? (
          <ImportProblems key={summary.errors.length} checked={checked} />
        ) : changes === 0 ? (
          <Alert color="gray">{t('peopleImport.noChanges')}</Alert>
        ) : null}
        <Group gap="sm">
          <Button
            leftSection={<IconFileUpload size={16} aria-hidden />}
            disabled={summary.errors.length > 0 || changes === 0 || phase !== 'checked'}
            loading={phase === 'committing'}
            onClick={onCommit}
          >
            {t('peopleImport.commit', { count: changes })}
          </Button>
          {summary.errors.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('peopleImport.commitBlocked')}
            </Text>
          )}
        </Group>
      </Stack>
    </Panel>
  );
}
