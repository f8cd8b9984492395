import { RECORD_TYPE_WORDS, type RecordImportChange } from '../../../shared/api/schemas/records-import.js';
import type { ImportModule, ImportPerson, ImportQualification } from './import-lookup-repo.js';
import type { RowResult } from './import-row.js';

/**
 * Names what one import row does in the words of the file's columns, so a dry
 * run says "row 7: Completion Date 2025-05-06 → 2025-05-07" instead of a bare
 * count: the user sees every change before committing it.
 */
export function changeDescriber(
  people: readonly ImportPerson[],
  modules: readonly ImportModule[],
  qualifications: readonly ImportQualification[],
) {
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const moduleCode = new Map(modules.map((m) => [m.id, m.code]));
  const qualificationCode = new Map(qualifications.map((q) => [q.id, q.code]));
  const code = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? id) : '');
  const typeWord = (t: string) => RECORD_TYPE_WORDS[t as keyof typeof RECORD_TYPE_WORDS] ?? t;

  return (row: number, r: RowResult): RecordImportChange => {
    const e = r.existing;
    const f = r.fields;
    const base = { row, recordId: e?.id ?? null, person: personName.get(r.personId) ?? '' };
    if (r.action === 'delete' && e)
      return {
        ...base,
        action: 'delete',
        person: personName.get(e.person_id) ?? '',
        title: e.title,
        fields: [],
      };
    if (r.action === 'create' || !e)
      return {
        ...base,
        action: 'create',
        title: f.title,
        fields: [{ column: 'Completion Date', from: '', to: f.completionDate }],
      };
    const pairs: [string, string, string][] = [
      ['Record Type', typeWord(e.record_type), typeWord(f.recordType)],
      ['Object Id', code(moduleCode, e.object_id), code(moduleCode, f.objectId)],
      ['Title', e.title, f.title],
      ['Training Provider', e.provider, f.provider],
      ['Completion Date', e.completion_date, f.completionDate],
      ['Other Information', e.other_info ?? '', f.otherInfo ?? ''],
      [
        'Qualification Code',
        code(qualificationCode, e.qualification_id),
        code(qualificationCode, f.qualificationId),
      ],
      ['Expiry Date', e.expiry_date ?? '', f.expiryDate ?? ''],
    ];
    return {
      ...base,
      action: 'update',
      title: f.title,
      fields: pairs.filter(([, from, to]) => from !== to).map(([column, from, to]) => ({ column, from, to })),
    };
  };
}
