import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from './app.js';

/** A people fixture's bytes, as the file a user picks. */
export const peopleFixture = (name: string) => readFileSync(join(__dirname, '../fixtures/people', name));

export const PEOPLE_HEADER =
  'Email,First Name,Last Name,Employee Number,Unit,Department,Job Title,Manager Email,Status';

/** A small CSV in the people layout, written the plain way (UTF-8, commas, CRLF). */
export const peopleCsv = (...rows: string[]) => Buffer.from([PEOPLE_HEADER, ...rows].join('\r\n') + '\r\n');

/** Runs a people import call the way the renderer does: the file as base64. */
export async function importPeople(
  app: TestApp,
  actorId: string,
  file: Buffer | string,
  opts: { commit?: boolean; deactivateMissing?: boolean; encoding?: 'auto' | 'utf-8' | 'windows-1252' } = {},
) {
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
  const res = await app.invoke(
    opts.commit ? 'people.import.commit' : 'people.import.validate',
    {
      fileName: 'people.csv',
      content: bytes.toString('base64'),
      deactivateMissing: opts.deactivateMissing ?? false,
      encoding: opts.encoding ?? 'auto',
    },
    { actorId },
  );
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value;
}

/** How many rows a table holds: the "nothing was written" checks compare these. */
export const countOf = (app: TestApp, table: 'person' | 'audit_log' | 'department' | 'job_title') =>
  app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

export const personByEmail = (app: TestApp, email: string) =>
  app.db
    .prepare(
      `SELECT p.*, u.code AS unit_code, d.name AS department, j.name AS job_title, m.email AS manager_email
       FROM person p JOIN unit u ON u.id = p.unit_id LEFT JOIN department d ON d.id = p.department_id
       LEFT JOIN job_title j ON j.id = p.job_title_id LEFT JOIN person m ON m.id = p.manager_id
       WHERE p.email = ?`,
    )
    .get(email) as
    | {
        id: string;
        first_name: string;
        last_name: string;
        employee_no: string | null;
        unit_code: string | null;
        department: string | null;
        job_title: string | null;
        manager_email: string | null;
        status: string;
      }
    | undefined;
