import type { CallOutput } from '../../../shared/api/contract';

// Taken from the contract: the schema module's name (events) reads as Node's to the import lint.
export type Roster = CallOutput<'events.roster'>;
export type RosterRow = Roster['rows'][number];
