import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { searchParam, searchSql } from '../../db/text-search.js';
import { reachSql } from '../permissions/reach-sql.js';
import { SELECT_CERTIFICATE, type CertificateDbRow, type CertificateStatusName } from './certificate-repo.js';

export interface ListFilter {
  reach?: { reach: Reach; selfId: string };
  personId?: string | undefined;
  unitId?: string | undefined;
  configurationId?: string | undefined;
  moduleId?: string | undefined;
  status?: CertificateStatusName | undefined;
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
  search?: string | undefined;
}

/** The WHERE clause both the list and the export use, so an export has exactly the rows the list shows. */
function whereOf(f: ListFilter): { where: string; params: Record<string, unknown> } {
  const conds: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.reach) {
    const r = reachSql(f.reach.reach, f.reach.selfId, { person: 'p' });
    conds.push(r.sql);
    Object.assign(params, r.params);
  }
  const eq = (col: string, key: string, v: string | undefined) => {
    if (v === undefined) return;
    conds.push(`${col} = @${key}`);
    params[key] = v;
  };
  eq('c.person_id', 'personId', f.personId);
  eq('c.configuration_id', 'configurationId', f.configurationId);
  eq('c.module_id', 'moduleId', f.moduleId);
  eq('c.status', 'status', f.status);
  if (f.issuedFrom) {
    conds.push('c.issued_on >= @issuedFrom');
    params.issuedFrom = f.issuedFrom;
  }
  if (f.issuedTo) {
    conds.push('c.issued_on <= @issuedTo');
    params.issuedTo = f.issuedTo;
  }
  if (f.unitId) {
    conds.push(`p.unit_id IN (WITH RECURSIVE sub(id) AS (SELECT @unitId UNION
      SELECT u2.id FROM unit u2 JOIN sub ON u2.parent_id = sub.id) SELECT id FROM sub)`);
    params.unitId = f.unitId;
  }
  if (f.search) {
    conds.push(searchSql(["p.first_name || ' ' || p.last_name", 'p.email', 'c.number', 'c.title']));
    params.search = searchParam(f.search);
  }
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

/** The SQL of certificate lists and exports, within a reach. */
export function certificateListRepo(db: Db) {
  return {
    /** A page of certificates matching the filter, newest first, and how many match in all. */
    list(
      f: ListFilter,
      page: { offset: number; limit: number } | null,
    ): { rows: CertificateDbRow[]; total: number } {
      const { where, params } = whereOf(f);
      const total = db
        .prepare<Record<string, unknown>, number>(
          `SELECT count(*) FROM certificate c JOIN person p ON p.id = c.person_id ${where}`,
        )
        .pluck()
        .get(params);
      const limit = page ? 'LIMIT @limit OFFSET @offset' : '';
      const rows = db
        .prepare<Record<string, unknown>, CertificateDbRow>(
          `${SELECT_CERTIFICATE} ${where} ORDER BY c.issued_on DESC, c.created_at DESC, c.rowid DESC ${limit}`,
        )
        .all({ ...params, ...(page ? { limit: page.limit, offset: page.offset } : {}) });
      return { rows, total: total ?? 0 };
    },

    /**
     * Every matching certificate for an export, by name. Rows, not a cursor: the
     * export reads templates and awaits the renderer between certificates, which
     * an open statement on the connection would forbid (the PDFs are never held).
     */
    forExport(f: ListFilter): CertificateDbRow[] {
      const { where, params } = whereOf(f);
      return db
        .prepare<Record<string, unknown>, CertificateDbRow>(
          `${SELECT_CERTIFICATE} ${where} ORDER BY p.last_name, p.first_name, c.issued_on, c.number`,
        )
        .all(params);
    },
  };
}
