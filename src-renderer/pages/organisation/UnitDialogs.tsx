import { useState, type FormEvent } from 'react';
import { Autocomplete, Button, Checkbox, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from '../../../shared/zod';
import { UnitCreate, UnitUpdate, type UnitNode } from '../../../shared/api/schemas/units';
import { client } from '../../api/client';
import { zodFieldErrors, type FieldErrors, showServerErrors, focusFirstError } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import { withoutError } from '../../lib/without-error';
import classes from './Organisation.module.css';
import { ancestorIds, subtreeIds, UnitTree, type TreeIndex } from './UnitTree';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DialogActions } from '../../components/DialogActions';
import { FormDialog } from '../../components/FormDialog';

const FIELDS = ['name', 'code', 'level', 'isClient'] as const;
type Field = (typeof FIELDS)[number];

/** Add a unit under `parent`, or edit `unit`: name, code and level (with the level names in use offered). */
export function UnitFormDialog({
  mode,
  opened,
  onClose,
  onDone,
}: {
  mode: { kind: 'add'; parent: UnitNode } | { kind: 'edit'; unit: UnitNode } | null;
  opened: boolean;
  onClose: () => void;
  onDone: (unit: UnitNode) => void;
}) {
  const { t } = useTranslation();
  const title = !mode
    ? ''
    : mode.kind === 'add'
      ? t('organisation.form.addTitle', { parent: mode.parent.name })
      : t('organisation.form.editTitle', { name: mode.unit.name });
  return (
    <FormDialog opened={opened} onClose={onClose} title={title}>
      {mode && <UnitForm mode={mode} onClose={onClose} onDone={onDone} />}
    </FormDialog>
  );
}

function UnitForm({
  mode,
  onClose,
  onDone,
}: {
  mode: { kind: 'add'; parent: UnitNode } | { kind: 'edit'; unit: UnitNode };
  onClose: () => void;
  onDone: (unit: UnitNode) => void;
}) {
  const { t } = useTranslation();
  const levels = useCall('units.levels', {});
  const editing = mode.kind === 'edit' ? mode.unit : null;
  const [name, setName] = useState(editing?.name ?? '');
  const [code, setCode] = useState(editing?.code ?? '');
  const [level, setLevel] = useState(editing?.level ?? '');
  const [isClient, setIsClient] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Client organisations sit directly under the licensee organisation, nowhere else.
  const clientAllowed =
    mode.kind === 'add' && mode.parent.kind === 'organisation' && mode.parent.parentId === null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const fields = { name, code: code.trim() || null, level: level.trim() || null };
    const invalid = (error: z.ZodError) => {
      const errs = zodFieldErrors(error, FIELDS);
      setErrors(errs);
      focusFirstError(errs, FIELDS, 'unit-form');
    };
    let res;
    if (mode.kind === 'add') {
      const parsed = UnitCreate.safeParse({
        parentId: mode.parent.id,
        ...fields,
        isClient: clientAllowed && isClient,
      });
      if (!parsed.success) return invalid(parsed.error);
      setBusy(true);
      res = await client.invoke('units.create', parsed.data);
    } else {
      const parsed = UnitUpdate.safeParse({ id: mode.unit.id, ...fields });
      if (!parsed.success) return invalid(parsed.error);
      setBusy(true);
      res = await client.invoke('units.update', parsed.data);
    }
    setBusy(false);
    if (res.ok) {
      notifyDone(
        mode.kind === 'add'
          ? t('organisation.form.added', { name: res.value.name })
          : t('organisation.form.saved'),
      );
      onDone(res.value);
      return;
    }
    showServerErrors(res.error, FIELDS, setErrors, setFormError);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <ErrorAlert message={formError} title={t('common.errorTitle')} />
        <TextInput
          id="unit-form-name"
          label={t('organisation.form.name')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setErrors((er) => withoutError(er, 'name'));
          }}
          error={errors.name}
          required
          data-autofocus
        />
        <TextInput
          id="unit-form-code"
          label={t('organisation.form.code')}
          description={t('organisation.form.codeHint')}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setErrors((er) => withoutError(er, 'code'));
          }}
          error={errors.code}
          maw={240}
        />
        {!(clientAllowed && isClient) && (
          <Autocomplete
            id="unit-form-level"
            label={t('organisation.form.level')}
            description={t('organisation.form.levelHint')}
            data={levels.data?.levels ?? []}
            value={level}
            onChange={(v) => {
              setLevel(v);
              setErrors((er) => withoutError(er, 'level'));
            }}
            error={errors.level}
            maw={320}
          />
        )}
        {clientAllowed && (
          <Checkbox
            id="unit-form-isClient"
            label={t('organisation.form.client')}
            description={t('organisation.form.clientHint')}
            checked={isClient}
            onChange={(e) => setIsClient(e.currentTarget.checked)}
            error={errors.isClient}
          />
        )}
        <DialogActions onCancel={onClose}>
          <Button type="submit" loading={busy}>
            {mode.kind === 'add' ? t('organisation.form.add') : t('organisation.form.save')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}

/** Move a unit under another, picked from the tree; the unit itself and everything below it cannot be chosen. */
export function MoveUnitDialog({
  unit,
  index,
  opened,
  onClose,
  onDone,
}: {
  unit: UnitNode | null;
  index: TreeIndex;
  opened: boolean;
  onClose: () => void;
  onDone: (unit: UnitNode) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={unit ? t('organisation.move.title', { name: unit.name }) : ''}
      size="lg"
    >
      {unit && <MoveForm unit={unit} index={index} onClose={onClose} onDone={onDone} />}
    </FormDialog>
  );
}

function MoveForm({
  unit,
  index,
  onClose,
  onDone,
}: {
  unit: UnitNode;
  index: TreeIndex;
  onClose: () => void;
  onDone: (unit: UnitNode) => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [excluded] = useState(() => subtreeIds(index, unit.id));
  // Open down to the unit's current place, so the choice starts from where it is.
  const [expanded, setExpanded] = useState(
    () => new Set([...ancestorIds(index, unit.id), ...index.roots.map((r) => r.id)]),
  );

  const reason = (u: UnitNode): string | null => {
    if (excluded.has(u.id)) return t('organisation.move.selfOrBelow');
    if (u.outOfScope) return t('organisation.outOfScope');
    if (u.archived) return t('organisation.archived');
    if (u.id === unit.parentId) return t('organisation.move.currentParent');
    return null;
  };

  async function submit() {
    if (!target) {
      setError(t('organisation.move.noTarget'));
      return;
    }
    setBusy(true);
    setError(null);
    const res = await client.invoke('units.move', { id: unit.id, parentId: target });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    notifyDone(t('organisation.move.moved', { name: unit.name, parent: index.byId.get(target)?.name ?? '' }));
    onDone(res.value);
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('organisation.move.intro', { name: unit.name })}</Text>
      <div>
        <Text size="sm" fw={500} mb={4} id="move-picker-label">
          {t('organisation.move.pickerLabel')}
        </Text>
        <ScrollArea.Autosize mah={360} type="auto" className={classes.pickerBox}>
          <UnitTree
            index={index}
            label={t('organisation.move.pickerLabel')}
            idPrefix="move"
            expanded={expanded}
            onExpandedChange={setExpanded}
            selectedId={target}
            onSelect={(id) => {
              setTarget(id);
              setError(null);
            }}
            disabledReason={reason}
            withCounts={false}
          />
        </ScrollArea.Autosize>
      </div>
      <ErrorAlert message={error} />
      <DialogActions onCancel={onClose}>
        <Button onClick={() => void submit()} loading={busy} disabled={!target}>
          {t('organisation.move.submit')}
        </Button>
      </DialogActions>
    </Stack>
  );
}
