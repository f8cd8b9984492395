import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import tables from '../tables.module.css';

/** Active or Left, in the same colours everywhere. */
export function StatusBadge({
  status,
  size = 'sm',
}: {
  status: 'active' | 'left';
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      variant="light"
      color={status === 'active' ? 'teal' : 'gray'}
      radius="sm"
      tt="none"
      fw={600}
      classNames={{ label: tables.badgeLabel }}
    >
      {status === 'active' ? t('people.statusActive') : t('people.statusLeft')}
    </Badge>
  );
}
