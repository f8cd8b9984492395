import { useMemo } from 'react';
import {
  ActionIcon,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ModuleSummary } from '../../../shared/api/schemas/catalog';
import type { DueRule, Requirement } from '../../../shared/api/schemas/configurations';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { useModuleOptions } from '../catalog/ModuleSelect';
import { formatIsoDate } from '../records/record-format';
import classes from '../tables.module.css';
import type { ItemDraft } from './config-draft';

const REQUIREMENTS: readonly Requirement[] = ['required', 'optional', 'hidden'];
const DUE_KINDS: readonly DueRule['kind'][] = ['none', 'fixed', 'after_joining'];

/** The modules of a configuration: requirement, validity and due rule each; editable or read-only. */
export function ItemsPanel({
  items,
  readOnly,
  error,
  itemErrors,
  onChange,
}: {
  items: readonly ItemDraft[];
  readOnly: boolean;
  error: string | undefined;
  /** Server messages by item index ("items.3.validityMonths" → 3). */
  itemErrors: ReadonlyMap<number, string>;
  /** Takes an updater: a module's default validity arrives after it was added, and must not undo later edits. */
  onChange: (update: (items: ItemDraft[]) => ItemDraft[]) => void;
}) {
  const { t } = useTranslation();
  const chosen = useMemo(() => new Set(items.map((i) => i.moduleId)), [items]);
  const update = (index: number, patch: Partial<ItemDraft>) =>
    onChange((list) => list.map((it, i) => (i === index ? { ...it, ...patch } : it)));

  async function add({ id: moduleId, code, title }: ModuleSummary) {
    if (chosen.has(moduleId)) return;
    const item: ItemDraft = {
      moduleId,
      code,
      title,
      requirement: 'required',
      validity: '',
      moduleDefault: undefined,
      dueKind: 'none',
      dueDate: '',
      dueDays: '',
    };
    onChange((list) => [...list, item]);
    // The module's own default validity is shown as the placeholder of a blank validity.
    const res = await client.invoke('modules.get', { id: moduleId });
    if (res.ok)
      onChange((list) =>
        list.map((it) =>
          it.moduleId === moduleId ? { ...it, moduleDefault: res.value.defaultValidityMonths } : it,
        ),
      );
  }

  const defaultText = (it: ItemDraft) =>
    it.moduleDefault === undefined
      ? ''
      : it.moduleDefault === null
        ? t('configurations.editor.validityNever')
        : t('configurations.editor.validityDefault', { months: it.moduleDefault });

  return (
    <Panel title={t('configurations.editor.itemsTitle')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('configurations.editor.itemsIntro')}
        </Text>
        <ErrorAlert message={error} />
        {items.length === 0 ? (
          <Text size="sm">{t('configurations.editor.noItems')}</Text>
        ) : (
          <Table.ScrollContainer
            minWidth={880}
            type="native"
            tabIndex={0}
            aria-label={t('common.tableScrollRegion')}
          >
            <Table verticalSpacing="sm" aria-label={t('configurations.editor.itemsTitle')}>
              <Table.Thead className={classes.thead}>
                <Table.Tr>
                  <Table.Th scope="col">{t('configurations.editor.module')}</Table.Th>
                  <Table.Th scope="col">{t('configurations.editor.requirement')}</Table.Th>
                  <Table.Th scope="col">{t('configurations.editor.validity')}</Table.Th>
                  <Table.Th scope="col">{t('configurations.editor.due')}</Table.Th>
                  {!readOnly && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('configurations.editor.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((it, index) => {
                  const module = it.title || it.code;
                  const rowError = itemErrors.get(index);
                  return (
                    <Table.Tr key={it.moduleId} style={{ verticalAlign: 'top' }}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {it.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {it.code}
                        </Text>
                        {rowError && (
                          <Text size="xs" c="red.8" role="alert">
                            {rowError}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {readOnly ? (
                          <Text size="sm">{t(`configurations.requirement.${it.requirement}`)}</Text>
                        ) : (
                          <Stack gap={4} maw={300}>
                            <SegmentedControl
                              size="xs"
                              aria-label={t('configurations.editor.requirementFor', { module })}
                              data={REQUIREMENTS.map((r) => ({
                                value: r,
                                label: t(`configurations.requirement.${r}`),
                              }))}
                              value={it.requirement}
                              onChange={(v) => update(index, { requirement: v as Requirement })}
                            />
                            <Text size="xs" c="dimmed">
                              {t(`configurations.requirementHint.${it.requirement}`)}
                            </Text>
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {readOnly ? (
                          <Text size="sm">
                            {it.validity === ''
                              ? `${t('configurations.editor.moduleDefault')}${defaultText(it) ? ` (${defaultText(it)})` : ''}`
                              : t('compliance.cell.validityMonths', { count: it.validity })}
                          </Text>
                        ) : (
                          <NumberInput
                            aria-label={t('configurations.editor.validityFor', { module })}
                            placeholder={defaultText(it)}
                            value={it.validity}
                            onChange={(v) => update(index, { validity: typeof v === 'number' ? v : '' })}
                            min={1}
                            max={600}
                            allowDecimal={false}
                            hideControls
                            w={175}
                          />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {readOnly ? (
                          <Text size="sm">
                            {it.dueKind === 'fixed'
                              ? t('configurations.editor.dueFixed', { date: formatIsoDate(it.dueDate) })
                              : it.dueKind === 'after_joining'
                                ? t('configurations.editor.dueAfter', { count: Number(it.dueDays) })
                                : t('configurations.editor.dueNone')}
                          </Text>
                        ) : (
                          <Group gap="xs" wrap="nowrap" align="flex-start">
                            <Select
                              aria-label={t('configurations.editor.dueFor', { module })}
                              data={DUE_KINDS.map((k) => ({
                                value: k,
                                label: t(`configurations.editor.dueKind.${k}`),
                              }))}
                              value={it.dueKind}
                              onChange={(v) => v && update(index, { dueKind: v as DueRule['kind'] })}
                              allowDeselect={false}
                              w={170}
                            />
                            {it.dueKind === 'fixed' && (
                              <TextInput
                                type="date"
                                aria-label={t('configurations.editor.dueDate', { module })}
                                value={it.dueDate}
                                onChange={(e) => update(index, { dueDate: e.currentTarget.value })}
                                w={150}
                              />
                            )}
                            {it.dueKind === 'after_joining' && (
                              <NumberInput
                                aria-label={t('configurations.editor.dueDays', { module })}
                                value={it.dueDays}
                                onChange={(v) => update(index, { dueDays: typeof v === 'number' ? v : '' })}
                                min={0}
                                max={3650}
                                allowDecimal={false}
                                w={90}
                              />
                            )}
                          </Group>
                        )}
                      </Table.Td>
                      {!readOnly && (
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('configurations.editor.removeModule', { module })}
                            onClick={() => onChange((list) => list.filter((_, i) => i !== index))}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {!readOnly && <AddModule exclude={chosen} onAdd={(m) => void add(m)} />}
      </Stack>
    </Panel>
  );
}

function AddModule({
  exclude,
  onAdd,
}: {
  exclude: ReadonlySet<string>;
  onAdd: (module: ModuleSummary) => void;
}) {
  const { t } = useTranslation();
  const { options, byId } = useModuleOptions({ publishedOnly: true, exclude });
  return (
    <Select
      id="config-items"
      label={t('configurations.editor.addModule')}
      placeholder={t('configurations.editor.addModulePlaceholder')}
      data={options}
      value={null}
      onChange={(id) => {
        const m = id ? byId.get(id) : undefined;
        if (m) onAdd(m);
      }}
      searchable
      maxDropdownHeight={300}
      maw={480}
    />
  );
}
