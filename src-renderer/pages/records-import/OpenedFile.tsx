import { Alert, Button, Group, List, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconListCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportEncoding } from '../../../shared/api/schemas/import';
import type { DateOrder, RecordsImportOpened } from '../../../shared/api/schemas/records-import';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import tables from '../tables.module.css';
import { DATE_ORDERS, DELIMITER_NAMES, ENCODINGS } from './records-import';
import classes from './records-import.module.css';

interface Props {
  opened: RecordsImportOpened;
  /** What the user chose ('auto' unless changed); the file's facts say what was used. */
  encoding: ImportEncoding;
  /** Reading again, checking or importing: the choices wait. */
  busy: boolean;
  reopening: boolean;
  /** The check has run for these choices: Check again is not needed. */
  checked: boolean;
  onReopen: (choice: { encoding: ImportEncoding; dateOrder: DateOrder }) => void;
  onCheck: () => void;
  onClose: () => void;
}

/** The opened file: how it was read (changeable), whether it can be imported at all, and its first rows. */
export function OpenedFile({
  opened,
  encoding,
  busy,
  reopening,
  checked,
  onReopen,
  onCheck,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const hint = opened.detectedDateOrder;
  const blocked = opened.fileErrors.length > 0;
  return (
    <Panel title={t('recordsImport.opened.title', { fileName: opened.fileName })}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('recordsImport.opened.facts', {
            size: fileSize(opened.totalBytes, t),
            delimiter: t(`recordsImport.delimiters.${DELIMITER_NAMES[opened.delimiter]}`),
            encoding: t(`recordsImport.encodings.${opened.encoding}`),
          })}
        </Text>
        <Group align="flex-start" gap="md">
          <Select
            label={t('recordsImport.opened.encoding')}
            description={
              encoding === 'auto'
                ? t('recordsImport.opened.encodingDetected', {
                    encoding: t(`recordsImport.encodings.${opened.encoding}`),
                  })
                : t('recordsImport.opened.encodingChosen')
            }
            data={ENCODINGS.map((e) => ({ value: e, label: t(`recordsImport.encodings.${e}`) }))}
            value={encoding}
            onChange={(v) =>
              onReopen({ encoding: (v ?? 'auto') as ImportEncoding, dateOrder: opened.dateOrder })
            }
            allowDeselect={false}
            disabled={busy}
            w={{ base: '100%', sm: 300 }}
          />
          <Select
            label={t('recordsImport.opened.dateOrder')}
            description={
              hint
                ? t(`recordsImport.opened.dateHint.${hint.order}`, {
                    row: hint.row,
                    value: hint.value,
                  })
                : t('recordsImport.opened.dateNoHint')
            }
            data={DATE_ORDERS.map((d) => ({ value: d, label: t(`recordsImport.dateOrders.${d}`) }))}
            value={opened.dateOrder}
            onChange={(v) => onReopen({ encoding, dateOrder: (v ?? 'auto') as DateOrder })}
            allowDeselect={false}
            disabled={busy}
            w={{ base: '100%', sm: 300 }}
          />
        </Group>

        {blocked && (
          <Alert
            color="red"
            role="alert"
            icon={<IconAlertCircle />}
            title={t('recordsImport.opened.fileErrorsTitle')}
          >
            <Stack gap="xs">
              <Text size="sm">{t('recordsImport.opened.fileErrorsIntro')}</Text>
              <List size="sm" spacing={2}>
                {opened.fileErrors.map((e) => (
                  <List.Item key={`${e.row}/${e.column}/${e.message}`}>{e.message}</List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        )}

        <PreviewTable opened={opened} stale={reopening} />

        <Group gap="sm">
          <Button
            leftSection={<IconListCheck size={16} aria-hidden />}
            onClick={onCheck}
            disabled={blocked || busy || checked}
          >
            {t('recordsImport.opened.check')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={onClose}
            disabled={busy}
          >
            {t('recordsImport.opened.another')}
          </Button>
          {!blocked && !checked && (
            <Text size="sm" c="dimmed">
              {t('recordsImport.opened.checkHint')}
            </Text>
          )}
        </Group>
      </Stack>
    </Panel>
  );
}

function fileSize(bytes: number, t: TFunction): string {
  if (bytes >= 1024 * 1024) {
    return t('recordsImport.opened.mb', { size: formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10) });
  }
  return t('recordsImport.opened.kb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
}

/** The file's first rows as it has them, header included, scrolling sideways. */
function PreviewTable({ opened, stale }: { opened: RecordsImportOpened; stale: boolean }) {
  const { t } = useTranslation();
  if (opened.preview.length === 0) return null;
  const width = Math.max(opened.header.length, ...opened.preview.map((r) => r.cells.length));
  const pad = (cells: readonly string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id="records-import-preview">
        {t('recordsImport.opened.previewTitle', { count: opened.preview.length })}
      </Text>
      <Table.ScrollContainer
        minWidth={Math.min(2400, 140 * (width + 1))}
        type="native"
        tabIndex={0}
        aria-label={t('common.tableScrollRegion')}
      >
        <Table
          withTableBorder
          withColumnBorders
          verticalSpacing={6}
          horizontalSpacing="sm"
          aria-labelledby="records-import-preview"
          aria-busy={stale}
          className={stale ? tables.stale : undefined}
          fz="sm"
        >
          <Table.Thead className={classes.previewHead}>
            <Table.Tr>
              <Table.Th scope="col" className={tables.nowrap}>
                {t('recordsImport.opened.rowColumn')}
              </Table.Th>
              {pad(opened.header).map((h, i) => (
                <Table.Th key={i} scope="col" className={tables.nowrap}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {opened.preview.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td className={tables.numeric}>{r.row}</Table.Td>
                {pad(r.cells).map((c, i) => (
                  <Table.Td key={i} className={classes.previewCell} title={c.length > 30 ? c : undefined}>
                    {c}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
