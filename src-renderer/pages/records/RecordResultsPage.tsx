import { useState, type FormEvent } from 'react';
import { Button, Grid, Group, NumberInput, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ModuleSummary } from '../../../shared/api/schemas/catalog';
import type { FileInfo } from '../../../shared/api/schemas/files';
import { RecordResults, ResultStatus } from '../../../shared/api/schemas/results';
import { client } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { detailFieldErrors, focusFirstError, zodFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { withoutError } from '../../lib/without-error';
import { EvidenceInput } from './EvidenceInput';
import { ModuleSelect } from './ModuleSelect';
import { PeopleSearch, type PickedPerson } from '../../components/PeopleSearch';
import { formatIsoDate, todayIso } from './record-format';
import { RecordedSummary, type Recorded } from './RecordedSummary';
import { usePrefill } from './use-prefill';

const FORM_ID = 'record-results';
const FIELDS = ['moduleId', 'date', 'status', 'score', 'note', 'evidenceFileId', 'personIds'] as const;
type Field = (typeof FIELDS)[number];

/** `001_*`'s manual results: one module, one date, one outcome, for one person or many at once. */
export function RecordResultsPage() {
  const { t } = useTranslation();
  const [module, setModule] = useState<ModuleSummary | null>(null);
  const [date, setDate] = useState(todayIso);
  const [status, setStatus] = useState<ResultStatus | null>(null);
  const [score, setScore] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState<FileInfo | null>(null);
  const [uploading, setUploading] = useState(false);
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  // Remounting the evidence field is the simple way to clear the file it shows.
  const [formKey, setFormKey] = useState(0);
  usePrefill(setModule, setPeople);
  const clear = (f: Field) => setErrors((e) => withoutError(e, f));
  const showErrors = (next: FieldErrors<Field>) => {
    setErrors(next);
    focusFirstError(next, FIELDS, FORM_ID);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    setFlagged(new Set());
    const parsed = RecordResults.safeParse({
      moduleId: module?.id ?? '',
      date,
      status: status ?? undefined,
      score: score === '' ? null : Number(score),
      note: note.trim() || null,
      evidenceFileId: evidence?.id ?? null,
      personIds: people.map((p) => p.id),
    });
    const next: FieldErrors<Field> = parsed.success ? {} : zodFieldErrors(parsed.error, FIELDS);
    if (!module) next.moduleId = t('recordsScreens.recordForm.pickModule');
    if (!status) next.status = t('recordsScreens.recordForm.pickStatus');
    if (!next.date && date > todayIso()) next.date = t('recordsScreens.recordForm.future');
    if (!parsed.success || Object.values(next).some(Boolean)) {
      showErrors(next);
      return;
    }
    setBusy(true);
    const res = await client.invoke('results.record', parsed.data);
    setBusy(false);
    if (!res.ok) {
      // "personIds.3" names a refused person: mark their chip; the message above names them in words.
      const refused = new Set<string>();
      for (const d of res.error.details ?? []) {
        const m = /^personIds\.(\d+)/.exec(d.path);
        const p = m ? people[Number(m[1])] : undefined;
        if (p) refused.add(p.id);
      }
      setFlagged(refused);
      const mapped = detailFieldErrors(res.error.details, FIELDS);
      showErrors(mapped.fields);
      setFormError(res.error.message);
      return;
    }
    const done: Recorded = {
      status: parsed.data.status,
      moduleTitle: module?.title ?? '',
      date,
      people,
      records: res.value.rows.filter((r) => r.recordId !== null).length,
    };
    notifyDone(
      t('recordsScreens.recordForm.doneTitle', {
        status: t(`recordsScreens.resultStatus.${done.status}`).toLowerCase(),
        count: people.length,
        module: done.moduleTitle,
        date: formatIsoDate(date),
      }),
    );
    setRecorded(done);
  }

  function recordMore() {
    setRecorded(null);
    setPeople([]);
    setScore('');
    setNote('');
    setEvidence(null);
    setErrors({});
    setFormKey((k) => k + 1);
  }

  return (
    <>
      <BackLink to="/results" label={t('recordsScreens.recordForm.back')} />
      <Page
        title={t('recordsScreens.recordForm.title')}
        description={t('recordsScreens.recordForm.description')}
        maw={900}
      >
        {recorded ? (
          <RecordedSummary recorded={recorded} onMore={recordMore} />
        ) : (
          <Panel>
            <form id={FORM_ID} onSubmit={(e) => void submit(e)} noValidate>
              <Stack gap="md">
                <ErrorAlert message={formError} title={t('recordsScreens.recordForm.failed')} />
                <ModuleSelect
                  id={`${FORM_ID}-moduleId`}
                  label={t('recordsScreens.recordForm.module')}
                  description={t('recordsScreens.recordForm.moduleHint')}
                  placeholder={t('recordsScreens.recordForm.modulePlaceholder')}
                  required
                  publishedOnly
                  value={module}
                  onChange={(m) => {
                    setModule(m);
                    clear('moduleId');
                  }}
                  error={errors.moduleId}
                  data-autofocus
                />
                <Grid gap="md">
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <TextInput
                      id={`${FORM_ID}-date`}
                      type="date"
                      label={t('recordsScreens.recordForm.date')}
                      required
                      withAsterisk
                      max={todayIso()}
                      value={date}
                      onChange={(e) => {
                        setDate(e.currentTarget.value);
                        clear('date');
                      }}
                      error={errors.date}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <NumberInput
                      id={`${FORM_ID}-score`}
                      label={t('recordsScreens.recordForm.score')}
                      placeholder={t('recordsScreens.recordForm.scoreHint')}
                      min={0}
                      max={100}
                      clampBehavior="none"
                      suffix=" %"
                      value={score}
                      onChange={(v) => {
                        setScore(v);
                        clear('score');
                      }}
                      error={errors.score}
                    />
                  </Grid.Col>
                </Grid>
                <Radio.Group
                  id={`${FORM_ID}-status`}
                  label={t('recordsScreens.recordForm.status')}
                  required
                  value={status}
                  onChange={(v) => {
                    setStatus(v as ResultStatus);
                    clear('status');
                  }}
                  error={errors.status}
                >
                  <Group gap="lg" mt={6}>
                    {ResultStatus.options.map((s) => (
                      <Radio key={s} value={s} label={t(`recordsScreens.resultStatus.${s}`)} />
                    ))}
                  </Group>
                </Radio.Group>
                <Textarea
                  id={`${FORM_ID}-note`}
                  label={t('recordsScreens.recordForm.note')}
                  autosize
                  minRows={2}
                  maxRows={5}
                  value={note}
                  onChange={(e) => {
                    setNote(e.currentTarget.value);
                    clear('note');
                  }}
                  error={errors.note}
                />
                <EvidenceInput
                  key={formKey}
                  id={`${FORM_ID}-evidenceFileId`}
                  value={evidence}
                  onChange={setEvidence}
                  onBusy={setUploading}
                  error={errors.evidenceFileId}
                />
                <PeopleSearch
                  id={`${FORM_ID}-personIds`}
                  label={t('recordsScreens.recordForm.people')}
                  description={t('recordsScreens.recordForm.peopleHint')}
                  required
                  showCount
                  value={people}
                  onChange={(next) => {
                    setPeople(next);
                    clear('personIds');
                  }}
                  flagged={flagged}
                  flaggedLabel={(name) => t('recordsScreens.recordForm.refused', { name })}
                  error={errors.personIds}
                />
                <Group justify="flex-end">
                  <Button type="submit" loading={busy} disabled={uploading}>
                    {t('recordsScreens.recordForm.submit', { count: people.length })}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Panel>
        )}
      </Page>
    </>
  );
}
