import { useRef } from 'react';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { IconFileSpreadsheet, IconFileUpload, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RECORD_IMPORT_COLUMNS } from '../../../shared/api/schemas/records-import';
import { Panel } from '../../components/Panel';
import classes from './records-import.module.css';

/** Where a file comes in: dropped on the area, or chosen with the button (the keyboard's way in). */
export function FileDrop({ busy, onFile }: { busy: boolean; onFile: (file: File) => void }) {
  const { t } = useTranslation();
  const openRef = useRef<() => void>(null);
  return (
    <Panel title={t('recordsImport.pick.title')}>
      <Stack gap="md">
        <Dropzone
          openRef={openRef}
          onDrop={(files) => {
            const file = files[0];
            if (file) onFile(file);
          }}
          multiple={false}
          loading={busy}
          // The button below opens the picker; the area itself is for the mouse, so it is not a second tab stop.
          activateOnClick={false}
          activateOnKeyboard={false}
          tabIndex={-1}
          className={classes.dropzone}
          inputProps={{ 'aria-label': t('recordsImport.pick.input') }}
        >
          <Group justify="center" gap="lg" mih={120} style={{ pointerEvents: 'none' }}>
            <Dropzone.Accept>
              <IconUpload size={44} stroke={1.5} aria-hidden />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX size={44} stroke={1.5} aria-hidden />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconFileSpreadsheet size={44} stroke={1.5} aria-hidden />
            </Dropzone.Idle>
            <Stack gap={4}>
              <Text fw={600}>{t('recordsImport.pick.drop')}</Text>
              <Text size="sm" c="dimmed">
                {t('recordsImport.pick.dropHint')}
              </Text>
            </Stack>
          </Group>
        </Dropzone>
        <Group gap="sm">
          <Button
            leftSection={<IconFileUpload size={16} aria-hidden />}
            onClick={() => openRef.current?.()}
            loading={busy}
          >
            {t('recordsImport.pick.choose')}
          </Button>
          <Anchor component={Link} to="?tab=export" size="sm">
            {t('recordsImport.pick.needFile')}
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed">
          {t('recordsImport.pick.columns', { columns: RECORD_IMPORT_COLUMNS.join(', ') })}
        </Text>
      </Stack>
    </Panel>
  );
}
