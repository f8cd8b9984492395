/** Who works where, as the organisation seed made them (active people only). */
export interface DemoSiteRoster {
  code: string;
  unitId: string;
  managerId: string;
  staff: { id: string; title: string }[];
}
export interface DemoRoster {
  orgId: string;
  adminId: string;
  sites: DemoSiteRoster[];
  /** A named person's id by email (the README's people). */
  person(email: string): string;
}
