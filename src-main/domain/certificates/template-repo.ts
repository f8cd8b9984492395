import type { Db } from '../../db/open.js';

export interface TemplateDbRow {
  id: string;
  name: string;
  title: string;
  body: string;
  page_size: 'A4' | 'Letter';
  orientation: 'landscape' | 'portrait';
  logo_file_id: string | null;
  signature_file_id: string | null;
  signatory_name: string | null;
  signatory_title: string | null;
  primary_colour: string;
  accent_colour: string;
  is_default: number;
  created_at: string;
  updated_at: string;
}

/** A certificate with what its page prints about the holder, for the template editor's preview. */
export interface PreviewCertificateRow {
  id: string;
  person_id: string;
  number: string;
  title: string;
  completed_on: string | null;
  issued_on: string;
  expires_on: string | null;
  payload: string;
  signature: string;
  first_name: string;
  last_name: string;
  unit_name: string;
}

export function templateRepo(db: Db) {
  return {
    all(): TemplateDbRow[] {
      return db
        .prepare<[], TemplateDbRow>(
          'SELECT * FROM certificate_template ORDER BY is_default DESC, name COLLATE NOCASE, id',
        )
        .all();
    },

    byId(id: string): TemplateDbRow | undefined {
      return db.prepare<[string], TemplateDbRow>('SELECT * FROM certificate_template WHERE id = ?').get(id);
    },

    byDefault(): TemplateDbRow | undefined {
      return db.prepare<[], TemplateDbRow>('SELECT * FROM certificate_template WHERE is_default = 1').get();
    },

    count(): number {
      return db.prepare<[], number>('SELECT COUNT(*) FROM certificate_template').pluck().get() ?? 0;
    },

    /** Only one template is the default (a partial unique index enforces it): clear it before setting another. */
    clearDefault(exceptId: string): void {
      db.prepare('UPDATE certificate_template SET is_default = 0 WHERE is_default = 1 AND id <> ?').run(
        exceptId,
      );
    },

    insert(t: TemplateDbRow): void {
      db.prepare(
        `INSERT INTO certificate_template (id, name, title, body, page_size, orientation, logo_file_id,
           signature_file_id, signatory_name, signatory_title, primary_colour, accent_colour, is_default,
           created_at, updated_at)
         VALUES (@id, @name, @title, @body, @page_size, @orientation, @logo_file_id, @signature_file_id,
           @signatory_name, @signatory_title, @primary_colour, @accent_colour, @is_default, @created_at,
           @updated_at)`,
      ).run(t);
    },

    update(t: Omit<TemplateDbRow, 'created_at'>): void {
      db.prepare(
        `UPDATE certificate_template SET name = @name, title = @title, body = @body, page_size = @page_size,
           orientation = @orientation, logo_file_id = @logo_file_id, signature_file_id = @signature_file_id,
           signatory_name = @signatory_name, signatory_title = @signatory_title,
           primary_colour = @primary_colour, accent_colour = @accent_colour, is_default = @is_default,
           updated_at = @updated_at
         WHERE id = @id`,
      ).run(t);
    },

    previewCertificate(id: string): PreviewCertificateRow | undefined {
      return db
        .prepare<[string], PreviewCertificateRow>(
          `SELECT c.id, c.person_id, c.number, c.title, c.completed_on, c.issued_on, c.expires_on, c.payload,
             c.signature, p.first_name, p.last_name, u.name AS unit_name
           FROM certificate c
           JOIN person p ON p.id = c.person_id
           JOIN unit u ON u.id = p.unit_id
           WHERE c.id = ?`,
        )
        .get(id);
    },

    organisationName(): string {
      return (
        db
          .prepare<[], string>(
            "SELECT name FROM unit WHERE kind = 'organisation' AND parent_id IS NULL LIMIT 1",
          )
          .pluck()
          .get() ?? ''
      );
    },
  };
}
