import { useState } from 'react';
import { FileInput, Group, Loader, Text } from '@mantine/core';
import { IconFileCheck, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FileInfo } from '../../../shared/api/schemas/files';
import { formatNumber } from '../../lib/format';
import classes from './records.module.css';
import { EVIDENCE_ACCEPT, uploadEvidence } from './evidence';

/**
 * An optional evidence file. It is stored as soon as it is picked, so the form
 * sends only its id; a refusal (type, size) shows on the field.
 */
export function EvidenceInput({
  id,
  value,
  onChange,
  onBusy,
  error,
  current,
}: {
  id: string;
  value: FileInfo | null;
  onChange: (file: FileInfo | null) => void;
  onBusy?: (busy: boolean) => void;
  error?: string | undefined;
  /** The file a record already has, named while no new one is picked. */
  current?: { name: string } | null;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  async function pick(file: File | null) {
    setPicked(file);
    setUploadError(null);
    onChange(null);
    if (!file) return;
    setBusy(true);
    onBusy?.(true);
    const res = await uploadEvidence(file);
    setBusy(false);
    onBusy?.(false);
    if (res.ok) onChange(res.file);
    else setUploadError(res.message);
  }

  const kb = value ? Math.max(1, Math.round(value.size / 1024)) : 0;
  return (
    <div>
      <FileInput
        id={id}
        label={t('recordsScreens.evidence.label')}
        description={
          current && !picked
            ? t('recordsScreens.evidence.current', { name: current.name })
            : t('recordsScreens.evidence.hint')
        }
        placeholder={t('recordsScreens.evidence.placeholder')}
        value={picked}
        onChange={(f) => void pick(f)}
        accept={EVIDENCE_ACCEPT}
        classNames={{ placeholder: classes.filePlaceholder }}
        clearable
        clearButtonProps={{ 'aria-label': t('recordsScreens.evidence.clear') }}
        leftSection={<IconPaperclip size={16} aria-hidden />}
        rightSection={
          busy ? <Loader size={14} aria-label={t('recordsScreens.evidence.uploading')} /> : undefined
        }
        error={uploadError ?? error}
      />
      {value && (
        <Group gap={6} mt={4} role="status">
          <IconFileCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text size="xs">
            {t('recordsScreens.evidence.stored', { name: value.name, size: formatNumber(kb) })}
          </Text>
        </Group>
      )}
    </div>
  );
}
