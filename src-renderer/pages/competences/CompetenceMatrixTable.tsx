import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import { Link } from 'react-router';
import { formatIsoDate } from '../records/record-format';
import tableClasses from '../tables.module.css';
import classes from './competences.module.css';
import { competenceStatusClass } from './status';

type Matrix = CallOutput<'competences.matrix'>;

/** One page of people × competences; the person column stays put when the competences scroll sideways. */
export function CompetenceMatrixTable({ matrix, stale }: { matrix: Matrix; stale: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer
      minWidth={260 + matrix.columns.length * 110}
      type="native"
      tabIndex={0}
      aria-label={t('common.tableScrollRegion')}
      mah="calc(100dvh - 360px)"
    >
      <Table
        verticalSpacing={4}
        stickyHeader
        withColumnBorders
        aria-label={t('competences.matrix.caption', { date: formatIsoDate(matrix.asOf) })}
        aria-busy={stale}
        className={`${classes.matrix} ${stale ? tableClasses.stale : ''}`}
      >
        <Table.Thead className={tableClasses.thead}>
          <Table.Tr>
            <Table.Th scope="col">{t('competences.matrix.person')}</Table.Th>
            {matrix.columns.map((c) => (
              <Table.Th key={c.id} scope="col" title={`${c.name} (${c.code})`}>
                <Text size="xs" fw={700}>
                  {c.code}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {c.name}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.rows.map((r) => (
            <Table.Tr key={r.personId}>
              <Table.Th scope="row" fw={400}>
                <Text size="sm" truncate>
                  <Link to={`/people/${r.personId}?tab=competences`}>{r.name}</Link>
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {r.unitName}
                </Text>
              </Table.Th>
              {r.cells.map((cell, i) => {
                const label = t(`competences.status.${cell.status}`);
                return (
                  <Table.Td key={matrix.columns[i]?.id ?? i}>
                    <Text
                      component="span"
                      size="xs"
                      fw={600}
                      className={`${classes.cell} ${competenceStatusClass(cell.status) ?? ''}`}
                      title={
                        cell.status === 'missing'
                          ? label
                          : cell.validUntil
                            ? t('competences.matrix.cellLabel', {
                                status: label,
                                date: formatIsoDate(cell.validUntil),
                              })
                            : t('competences.matrix.cellNever', { status: label })
                      }
                    >
                      {cell.status === 'missing' ? (
                        <>
                          <span aria-hidden>—</span>
                          <VisuallyHidden>{label}</VisuallyHidden>
                        </>
                      ) : (
                        <>
                          {label}
                          <span className={classes.cellDate}>
                            {cell.validUntil ? formatIsoDate(cell.validUntil) : '∞'}
                          </span>
                        </>
                      )}
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
