import { useState } from 'react';
import { Button, FileInput, Group, Loader, Text } from '@mantine/core';
import { IconFileCheck, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { uploadEvidence } from '../records/evidence';
import classes from './certificates.module.css';

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg'];

/**
 * A template image (logo, signature): stored as soon as it is picked, like record evidence, so the
 * template sends only the file's id. Type and size are checked here first; the server checks again.
 */
export function ImageField({
  label,
  value,
  onChange,
  onBusy,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (fileId: string | null) => void;
  onBusy: (busy: boolean) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<File | null>(null);
  const [stored, setStored] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function pick(file: File | null) {
    setPicked(file);
    setProblem(null);
    setStored(null);
    if (!file) return onChange(null);
    if (!TYPES.includes(file.type)) return setProblem(t('certificates.templates.imageWrongType'));
    if (file.size > MAX_BYTES) return setProblem(t('certificates.templates.imageTooLarge'));
    setBusy(true);
    onBusy(true);
    const res = await uploadEvidence(file);
    setBusy(false);
    onBusy(false);
    if (!res.ok) return setProblem(res.message);
    setStored(res.file.name);
    onChange(res.file.id);
  }

  return (
    <div>
      <FileInput
        label={label}
        description={
          value && !picked ? t('certificates.templates.imageCurrent') : t('certificates.templates.imageHint')
        }
        placeholder={t('certificates.templates.imagePlaceholder')}
        value={picked}
        onChange={(f) => void pick(f)}
        accept={TYPES.join(',')}
        classNames={{ placeholder: classes.filePlaceholder }}
        clearable
        clearButtonProps={{ 'aria-label': t('certificates.templates.imageClear') }}
        leftSection={<IconPhoto size={16} aria-hidden />}
        rightSection={
          busy ? <Loader size={14} aria-label={t('certificates.templates.imageUploading')} /> : undefined
        }
        error={problem ?? error}
      />
      <Group gap={6} mt={4}>
        {stored && (
          <Group gap={6} role="status">
            <IconFileCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
            <Text size="xs">{t('certificates.templates.imageStored', { name: stored })}</Text>
          </Group>
        )}
        {value && !picked && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange(null)}>
            {t('certificates.templates.imageRemove')}
          </Button>
        )}
      </Group>
    </div>
  );
}
