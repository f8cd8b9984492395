import type { ImportProblem } from '../../../shared/api/schemas/import.js';
import { RECORD_TYPE_WORDS, type DateOrder } from '../../../shared/api/schemas/records-import.js';
import type { RecordType } from '../../../shared/api/schemas/records.js';
import { expiryFrom } from '../../../shared/dates.js';
import { parseSheetDate } from '../../csv/dates.js';
import { cleanIdCell, cleanTextCell } from '../../csv/excel-cells.js';
import type {
  ImportLookupRepo,
  ImportModule,
  ImportPerson,
  ImportQualification,
  StoredRecord,
} from './import-lookup-repo.js';
import type { ImportedFields } from './import-write-repo.js';

/**
 * The one validator of a records-import row (`000_*`, issue 7), used by the dry
 * run and by the commit alike so the two can never disagree. It reads a row's
 * cells, checks each against the catalog, the people and the actor's record edit
 * reach, and says what the row does: create, update, delete, nothing (unchanged),
 * or nothing because of errors.
 */

export type RowAction = 'create' | 'update' | 'delete' | 'unchanged';

/** What one row does. The checker reuses one object: read it before checking the next row. */
export interface RowResult {
  /** Null when the row has errors. */
  action: RowAction | null;
  errors: ImportProblem[];
  personId: string;
  /** The record an update or delete touches, every column as stored. */
  existing: StoredRecord | undefined;
  fields: ImportedFields;
}

/** A row as the table reader hands it over (see src-main/csv/stream-table.ts). */
export interface RowInput {
  row: number;
  values: Readonly<Record<string, string>>;
  problems: readonly ImportProblem[];
}

const MAX = { title: 300, provider: 200, otherInfo: 4000 } as const;

const TYPE_WORDS = RECORD_TYPE_WORDS;
const TYPE_LIST = 'Course, Quiz, Event, Learning Path, External Course or Certificate';

/** Spellings people write, with spaces, hyphens and underscores made equal. */
const TYPE_SPELLINGS = new Map<string, RecordType>([
  ['course', 'course'],
  ['quiz', 'quiz'],
  ['event', 'event'],
  ['learning path', 'learning_path'],
  ['learningpath', 'learning_path'],
  ['external course', 'external_course'],
  ['external', 'external_course'],
  ['externalcourse', 'external_course'],
  ['certificate', 'certificate'],
]);

/** The module kind a record type completes. */
const KIND_OF: Record<RecordType, ImportModule['kind']> = {
  course: 'course',
  quiz: 'quiz',
  event: 'event',
  learning_path: 'learning_path',
  external_course: 'external',
  certificate: 'external',
};
const KIND_WORDS: Record<ImportModule['kind'], string> = {
  course: 'a course',
  quiz: 'a quiz',
  event: 'an event',
  learning_path: 'a learning path',
  external: 'an external course',
};

/** What to write as Record Type for a module of each kind. */
const TYPES_FOR_KIND: Record<ImportModule['kind'], string> = {
  course: TYPE_WORDS.course,
  quiz: TYPE_WORDS.quiz,
  event: TYPE_WORDS.event,
  learning_path: TYPE_WORDS.learning_path,
  external: `${TYPE_WORDS.external_course} or ${TYPE_WORDS.certificate}`,
};

/** A login that is one person's username and another's email. */
interface Ambiguous {
  ambiguous: true;
  usernameOf: ImportPerson;
  emailOf: ImportPerson;
}

export interface RowCheckerOptions {
  lookups: ImportLookupRepo;
  people: readonly ImportPerson[];
  modules: readonly ImportModule[];
  qualifications: readonly ImportQualification[];
  dateOrder: DateOrder;
  today: string;
  /** Record Ids already read in this pass, with their row: a second mention is an error. */
  seen: Map<string, number>;
}

export function rowChecker(opts: RowCheckerOptions) {
  const { lookups, dateOrder, today, seen } = opts;
  const byLogin = new Map<string, ImportPerson | Ambiguous>();
  const byId = new Map<string, ImportPerson>();
  for (const p of opts.people) {
    byId.set(p.id, p);
    const u = p.username.toLowerCase();
    const other = byLogin.get(u);
    if (other && !('ambiguous' in other) && other.id !== p.id)
      byLogin.set(u, { ambiguous: true, usernameOf: p, emailOf: other });
    else if (!other) byLogin.set(u, p);
  }
  for (const p of opts.people) {
    const e = p.email.toLowerCase();
    const other = byLogin.get(e);
    if (other && !('ambiguous' in other) && other.id !== p.id)
      byLogin.set(e, { ambiguous: true, usernameOf: other, emailOf: p });
    else if (!other) byLogin.set(e, p);
  }
  const modules = new Map<string, ImportModule>();
  for (const m of opts.modules) {
    modules.set(m.id, m);
    modules.set(m.code.toLowerCase(), m);
  }
  const qualifications = new Map(opts.qualifications.map((q) => [q.code.toLowerCase(), q]));

  // A file repeats the same few dates, types and validities: parse each once.
  const dates = new Map<string, ReturnType<typeof parseSheetDate>>();
  const types = new Map<string, RecordType | undefined>();
  const expiries = new Map<string, string | null>();
  const expiry = (date: string, months: number | null): string | null => {
    if (months === null) return null;
    const key = `${date}|${months}`;
    let e = expiries.get(key);
    if (e === undefined) expiries.set(key, (e = expiryFrom(date, months)));
    return e;
  };

  const result: RowResult = {
    action: null,
    errors: [],
    personId: '',
    existing: undefined,
    fields: {
      recordType: '',
      objectId: null,
      title: '',
      provider: '',
      completionDate: '',
      expiryDate: null,
      otherInfo: null,
      qualificationId: null,
    },
  };

  // The row being checked, shared by the helpers below (no closures made per row).
  let errors: ImportProblem[] = [];
  let row = 0;
  let v: Readonly<Record<string, string>> = {};
  const fail = (column: string, message: string) => {
    errors.push({ row, column, message });
  };
  /** An identifier cell, or null when it is unusable (already reported: nothing more to say about it). */
  const idCell = (column: string): string | null => {
    const c = cleanIdCell(v[column] ?? '');
    if (!c.error) return c.value;
    fail(column, c.error);
    return null;
  };

  return function check(r: RowInput): RowResult {
    errors = r.problems.length ? [...r.problems] : [];
    row = r.row;
    v = r.values;
    result.action = null;
    result.errors = errors;
    result.existing = undefined;
    result.personId = '';

    // Record Id: empty = a new record; otherwise a known record, once per file.
    const recordId = idCell('Record Id');
    let existing: StoredRecord | undefined;
    if (recordId) {
      const first = seen.get(recordId);
      if (first !== undefined)
        fail('Record Id', `Record Id ${recordId} is also on row ${first}: a record may appear only once.`);
      else {
        seen.set(recordId, row);
        existing = lookups.record(recordId);
        if (!existing)
          fail(
            'Record Id',
            `There is no training record with Record Id ${recordId}. Leave Record Id empty to add a new record.`,
          );
      }
    }
    result.existing = existing;

    const del = cleanTextCell(v['Delete?'] ?? '');
    if (del !== '' && del !== '0' && del !== '1') fail('Delete?', 'Delete? must be 1 (delete), 0 or empty.');
    if (del === '1') {
      // Deleting needs only the record: the other columns are ignored.
      if (recordId === '')
        fail('Delete?', 'Delete? is 1 but Record Id is empty: give the Record Id of the record to delete.');
      if (existing) {
        const owner = byId.get(existing.person_id);
        if (!owner?.editable)
          fail('Name', `You may not change ${owner?.name ?? 'this person'}'s training records.`);
        result.personId = existing.person_id;
      }
      if (!errors.length) result.action = 'delete';
      return result;
    }

    // Name: a username or an email, case-insensitive.
    const login = idCell('Name');
    let person: ImportPerson | undefined;
    if (login === '') fail('Name', "Enter the person's username or email.");
    else if (login !== null) {
      const found = byLogin.get(login.toLowerCase());
      if (!found) fail('Name', `No one has the username or email ${login}.`);
      // On an existing record, a login that is its owner's username or email means the owner (an
      // export names people by username, which may since have become someone else's email).
      else if (
        'ambiguous' in found &&
        existing &&
        [found.usernameOf.id, found.emailOf.id].includes(existing.person_id)
      )
        person = byId.get(existing.person_id);
      else if ('ambiguous' in found)
        fail(
          'Name',
          `${login} is ${found.usernameOf.name}'s username and ${found.emailOf.name}'s email: use the email of the person you mean.`,
        );
      else person = found;
    }
    if (existing && person && person.id !== existing.person_id) {
      const owner = byId.get(existing.person_id);
      fail(
        'Name',
        `This record belongs to ${owner?.name ?? 'someone else'}: a record cannot move to another person. Delete it (Delete? = 1) and add a new row for ${person.name}.`,
      );
    } else if (existing) {
      const owner = byId.get(existing.person_id);
      if (!owner?.editable)
        fail('Name', `You may not change ${owner?.name ?? 'this person'}'s training records.`);
    } else if (person && !person.editable)
      fail('Name', `You may not change ${person.name}'s training records.`);
    result.personId = existing?.person_id ?? person?.id ?? '';

    // Record Type, in any of the obvious spellings.
    const typeCell = cleanTextCell(v['Record Type'] ?? '');
    let type: RecordType | undefined;
    if (!typeCell) fail('Record Type', `Enter the record type: ${TYPE_LIST}.`);
    else {
      if (!types.has(typeCell))
        types.set(
          typeCell,
          TYPE_SPELLINGS.get(
            typeCell
              .toLowerCase()
              .replace(/[\s_-]+/g, ' ')
              .trim(),
          ),
        );
      type = types.get(typeCell);
      if (!type) fail('Record Type', `${typeCell} is not a record type: use ${TYPE_LIST}.`);
    }

    // Object Id: a module, by code or id, of the kind the record type completes.
    const objectCell = idCell('Object Id');
    let module: ImportModule | undefined;
    if (objectCell) {
      module = modules.get(objectCell) ?? modules.get(objectCell.toLowerCase());
      if (!module) fail('Object Id', `There is no module with the code or id ${objectCell}.`);
      else if (type && KIND_OF[type] !== module.kind)
        fail(
          'Object Id',
          `${module.code} is ${KIND_WORDS[module.kind]}, not ${KIND_WORDS[KIND_OF[type]]}: change the Record Type to ${TYPES_FOR_KIND[module.kind]} or the Object Id.`,
        );
    }

    // A row naming a module the file gets wrong is told about the Object Id, not about the title it would give.
    const moduleMissing = objectCell !== '' && !module;
    const title = cleanTextCell(v['Title'] ?? '') || module?.title || '';
    if (!title) {
      if (!moduleMissing) fail('Title', 'Enter the title.');
    } else if (title.length > MAX.title) fail('Title', `Use at most ${MAX.title} characters.`);
    const provider = cleanTextCell(v['Training Provider'] ?? '') || module?.owner_name || '';
    if (!provider) {
      if (!moduleMissing) fail('Training Provider', 'Enter the training provider.');
    } else if (provider.length > MAX.provider)
      fail('Training Provider', `Use at most ${MAX.provider} characters.`);

    const dateCell = cleanTextCell(v['Completion Date'] ?? '');
    let completionDate = '';
    if (!dateCell) fail('Completion Date', 'Enter the completion date.');
    else {
      let d = dates.get(dateCell);
      if (!d) dates.set(dateCell, (d = parseSheetDate(dateCell, dateOrder, { today, notAfterToday: true })));
      if (d.ok) completionDate = d.iso;
      else fail('Completion Date', d.message);
    }

    const otherInfo = cleanTextCell(v['Other Information'] ?? '') || null;
    if (otherInfo && otherInfo.length > MAX.otherInfo)
      fail('Other Information', `Use at most ${MAX.otherInfo} characters.`);

    const qualCell = idCell('Qualification Code');
    let qualification: ImportQualification | undefined;
    if (qualCell) {
      qualification = qualifications.get(qualCell.toLowerCase());
      if (!qualification) fail('Qualification Code', `There is no qualification code ${qualCell}.`);
      // A record may keep the archived code it already carries; it cannot be given one.
      else if (qualification.archived && qualification.id !== existing?.qualification_id)
        fail('Qualification Code', `The qualification code ${qualification.code} is archived.`);
    }

    if (errors.length || !type) return result;

    const f = result.fields;
    f.recordType = type;
    f.objectId = module?.id ?? null;
    f.title = title;
    f.provider = provider;
    f.completionDate = completionDate;
    f.otherInfo = otherInfo;
    f.qualificationId = qualification?.id ?? null;
    // The module's validity, else the qualification's, else none.
    const months = module?.default_validity_months ?? qualification?.default_validity_months ?? null;
    if (!existing) {
      f.expiryDate = expiry(completionDate, months);
      result.action = 'create';
      return result;
    }
    const validityInputsChanged =
      existing.completion_date !== completionDate ||
      existing.object_id !== f.objectId ||
      existing.qualification_id !== f.qualificationId;
    // An expiry a person set by hand stays; a derived one follows what it was derived from.
    f.expiryDate =
      validityInputsChanged && existing.expiry_fixed === 0
        ? expiry(completionDate, months)
        : existing.expiry_date;
    if (f.expiryDate !== null && f.expiryDate < completionDate) {
      fail(
        'Completion Date',
        `The record's expiry date ${f.expiryDate}, set by hand, is before this completion date: change the expiry on the record first.`,
      );
      return result;
    }
    const same =
      !validityInputsChanged &&
      existing.record_type === f.recordType &&
      existing.title === f.title &&
      existing.provider === f.provider &&
      (existing.other_info || null) === f.otherInfo &&
      existing.expiry_date === f.expiryDate;
    result.action = same ? 'unchanged' : 'update';
    return result;
  };
}

export type RowCheck = ReturnType<typeof rowChecker>;
