import { CloseButton, Loader, TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A list's search box: a spinner while a new answer loads (the old rows stay shown),
 * otherwise a button that clears what was typed.
 */
export function SearchInput({
  label,
  placeholder,
  clearLabel,
  value,
  onChange,
  busy,
  w,
}: {
  label: string;
  placeholder: string;
  clearLabel: string;
  value: string;
  onChange: (value: string) => void;
  /** A search is running while earlier results are still on screen. */
  busy: boolean;
  w: TextInputProps['w'];
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        busy ? (
          <Loader size={14} aria-label={t('common.loading')} />
        ) : value ? (
          <CloseButton size="sm" aria-label={clearLabel} onClick={() => onChange('')} />
        ) : null
      }
      w={w}
    />
  );
}
