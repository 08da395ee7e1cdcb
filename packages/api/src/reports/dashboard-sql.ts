/**
 * What the dashboard's figures share: the scope they are asked for, the statement each puts
 * together with the scope's conditions, and the reads several figures take their rows from.
 */
import type { RallyConfig } from '@rally/core';
import type { Database } from '../database.ts';

/** What every figure is asked for. Days are UTC, written 2026-11-01. */
export interface DashboardScope {
  region?: string | undefined;
  sector?: string | undefined;
  /**
   * An organizer's own regions and sectors: only people in them, or with none recorded (who are
   * everyone's), are counted, whatever `region` and `sector` ask.
   */
  regions?: string[] | undefined;
  sectors?: string[] | undefined;
  /** A partner's source codes: only the people and actions they brought in. */
  sources?: string[] | undefined;
  /** The period's first day. */
  from: string;
  /** Its last day, included: the day the snapshot figures are taken at the end of. */
  to: string;
  /** Whether `to` was asked for; without it, events to come are listed as well. */
  toGiven: boolean;
  /** Whether the caller may see who people are (a referrer's name), or only numbers. */
  personal: boolean;
}

/** The settings the figures read: goals, windows, thresholds, partners. */
export type DashboardSettings = Pick<
  RallyConfig,
  'goals' | 'participation' | 'activists' | 'partners'
>;

export type Row = Record<string, unknown>;

/**
 * Reads that several figures take their rows from, made once per dashboard load: the figures of a
 * whole dashboard then read each table once, and a figure asked for alone makes its own.
 */
export class SharedReads {
  readonly #reads = new Map<string, Promise<unknown>>();

  once<T>(name: string, read: () => Promise<T>): Promise<T> {
    let pending = this.#reads.get(name) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.#reads.set(name, pending);
    }
    return pending;
  }
}

/** What each figure's function is given. */
export interface FigureContext {
  db: Database;
  scope: DashboardScope;
  settings: DashboardSettings;
  shared: SharedReads;
}

export const day = 86_400_000;

/** The SQL of one statement being put together: its parameters, and the scope's conditions. */
export class Statement {
  readonly params: unknown[] = [];
  readonly scope: DashboardScope;
  #from: string | undefined;
  #end: string | undefined;

  constructor(scope: DashboardScope) {
    this.scope = scope;
  }

  // Each a parameter once, and only when used: PostgreSQL refuses a parameter no statement reads.
  /** When the period starts. */
  get from(): string {
    return (this.#from ??= this.time(new Date(`${this.scope.from}T00:00:00Z`)));
  }

  /** When the period ends: the start of the day after `to`. */
  get end(): string {
    return (this.#end ??= this.time(periodEnd(this.scope)));
  }

  /** A parameter: its placeholder, to write into the SQL. */
  value(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** A time as a parameter, typed. */
  time(time: Date): string {
    return `${this.value(time.toISOString())}::timestamptz`;
  }

  /** `and …` for the scope's region, sector and sources, on the person `alias`. */
  people(alias = 'p'): string {
    return this.regionAndSector(alias) + this.sources(alias);
  }

  /** `and …` for the scope's region and sector, on the person `alias`. */
  regionAndSector(alias = 'p'): string {
    const { region, sector, regions, sectors } = this.scope;
    const within = (column: string, values: string[] | undefined) =>
      values === undefined || values.length === 0
        ? ''
        : ` and (${alias}.${column} is null or ${alias}.${column} = any(${this.value(values)}::text[]))`;
    return [
      region === undefined ? '' : ` and ${alias}.region = ${this.value(region)}`,
      sector === undefined ? '' : ` and ${alias}.sector = ${this.value(sector)}`,
      within('region', regions),
      within('sector', sectors),
    ].join('');
  }

  /** `and …` for the scope's sources, on what `alias` holds (a person, a signature, an RSVP). */
  sources(alias: string): string {
    const { sources } = this.scope;
    return sources === undefined
      ? ''
      : ` and ${alias}.source = any(${this.value(sources)}::text[])`;
  }

  /** Whether region or sector narrow who is counted, so an action needs its person's row. */
  get narrowsPeople(): boolean {
    const { region, sector, regions, sectors } = this.scope;
    return (
      region !== undefined ||
      sector !== undefined ||
      (regions?.length ?? 0) > 0 ||
      (sectors?.length ?? 0) > 0
    );
  }
}

/** The end of the period: the start of the day after its last. */
export function periodEnd(scope: DashboardScope): Date {
  return new Date(Date.parse(`${scope.to}T00:00:00Z`) + day);
}

/** A share of a whole, to four places (0.6667 for two thirds); none of nothing. */
export function ratio(part: number, whole: number | null | undefined): number | null {
  return whole ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

export const monthStart = (date: string) => `${date.slice(0, 7)}-01`;

/** The months of the period, written 2026-11. */
export function months(scope: DashboardScope): string[] {
  const list: string[] = [];
  const month = new Date(`${monthStart(scope.from)}T00:00:00Z`);
  const last = monthStart(scope.to);
  while (month.toISOString().slice(0, 10) <= last) {
    list.push(month.toISOString().slice(0, 7));
    month.setUTCMonth(month.getUTCMonth() + 1);
  }
  return list;
}

/** Text keys in order, none last: regions, sectors, sources as PostgreSQL's C collation has them. */
export function byKey(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
