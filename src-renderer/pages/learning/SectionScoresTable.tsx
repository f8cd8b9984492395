import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionScore } from '../../../shared/api/schemas/learning';
import tableClasses from '../tables.module.css';

export function SectionScoresTable({
  scores,
  caption,
}: {
  scores: readonly SectionScore[];
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={420} type="native">
      <Table>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead className={tableClasses.thead}>
          <Table.Tr>
            <Table.Th>{t('learningScreens.result.colSection')}</Table.Th>
            <Table.Th>{t('learningScreens.result.colScore')}</Table.Th>
            <Table.Th>{t('learningScreens.result.colPercent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scores.map((s, i) => (
            <Table.Tr key={s.sectionId}>
              <Table.Td>{s.title || t('learningScreens.attempt.sectionN', { n: i + 1 })}</Table.Td>
              <Table.Td className={tableClasses.numeric}>
                {s.score} / {s.max}
              </Table.Td>
              <Table.Td className={tableClasses.numeric}>{s.percent}%</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
