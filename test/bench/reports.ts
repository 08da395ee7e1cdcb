/**
 * `pnpm bench:reports`: the staff dashboard at volume. Seeds 100,000 people, 1,000,000 signatures,
 * 200,000 RSVPs and 20,000 conversations (and dues for one in five) with set-based SQL, then times
 * every figure of the dashboard, the whole dashboard as the console loads it (through the API,
 * in-process), and the person search, on a PostgreSQL server (a schema of its own, dropped after)
 * and on the embedded database (PGlite, on disk). Each figure is set against the bare
 * `count(*) … group by` of the same tables in the same run. It also times a period that ended
 * yesterday (read from the actions, not the activity migration 022 keeps for each member), the
 * same with each index migration 016 adds for these reads dropped, and what keeping that activity
 * costs a signature. Prints medians and ratios.
 *
 * RALLY_BENCH_SCALE (default 1) seeds a fraction of the volume, to try the script quickly;
 * RALLY_BENCH_RUNS (default 7) is how many timed runs each median takes, after one unmeasured;
 * RALLY_BENCH_DATABASES (default `postgres,pglite`) picks the databases;
 * RALLY_BENCH_KEEP_SCHEMA=1 leaves the PostgreSQL schema in place (its name is printed), to read
 * the plans of the figures with `explain analyze` afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  composeApi,
  figures,
  openDatabase,
  searchPeople,
  settingsFrom,
  type Api,
  type DashboardScope,
  type Database,
  type Figure,
  type RallySettings,
} from '@rally/api';
import { median } from './support.ts';

const postgresUrl =
  process.env.RALLY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const scale = Number(process.env.RALLY_BENCH_SCALE ?? 1);
const runs = Number(process.env.RALLY_BENCH_RUNS ?? 7);
const databases = (process.env.RALLY_BENCH_DATABASES ?? 'postgres,pglite').split(',');
const keepSchema = process.env.RALLY_BENCH_KEEP_SCHEMA === '1';

const volume = {
  people: Math.round(100_000 * scale),
  signatures: Math.round(1_000_000 * scale),
  rsvps: Math.round(200_000 * scale),
  conversations: Math.round(20_000 * scale),
};
const petitionCount = 20;
const eventCount = 400;
const token = 'bench-reports-staff-token-0123456789';

/** The demo organization's settings: its goals, lines and its partner. */
const settings: RallySettings = settingsFrom(
  JSON.parse(readFileSync('rally.config.json', 'utf8')),
  {
    production: true,
  },
);
const partnerSources = settings.partners.map((partner) => partner.source);

/** A person's id from their number, so that rows made apart can point at one another. */
const personId = (n: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
/** A person's source from their number: the same for the person and everything they did. */
const sourceOf = (n: string) =>
  `(array['louisiana', 'texas-gulf', 'mississippi-alabama', 'florida-gulf', 'domestic-work',
          'education', 'riverside-worker-center', null])[1 + (${n} / 25) % 8]`;

const givenNames =
  `Rosa Ana Maria Carmen Lucia Elena Sofia Isabel Marta Julia Grace Lakeisha Yolanda
  Thu Linh Mai Aisha Fatima Nadia Sara Jamal Dele Carlos Jose Luis Miguel Juan Pedro David James
  Robert Michael William Richard Thomas Daniel Anthony Mark Paul Kevin`.split(/\s+/);
const familyNames =
  `Ortiz Morales Reyes Castillo Nguyen Pierre Brown Williams Okafor Garcia Martinez
  Rodriguez Lopez Gonzalez Hernandez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Cruz
  Ramos Gutierrez Mendoza Ruiz Alvarez Jimenez Smith Johnson Jones Miller Davis Wilson Anderson
  Taylor Thomas Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young
  Allen King Wright Scott Tran Le Pham Hoang Baptiste`.split(/\s+/);
const textArray = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * The population, set-based: people over the last two years (seven in ten joined; one in ten came
 * through a member's referral), each signing ten of twenty petitions, two RSVPs each to 400 events
 * over the same two years (six in ten of those accepted came), dues for one in five with monthly
 * payments, and conversations through the last year.
 */
function seedSql(): string[] {
  const { people, signatures, rsvps, conversations } = volume;
  const hoursInTwoYears = 730 * 24;
  return [
    `insert into people (id, email, given_name, family_name, phone_numbers, postal_addresses,
       custom_fields, region, sector, source, referral_code, referred_by, created_at, updated_at,
       joined_at)
     select ${personId('i')}, 'person' || i || '@bench.test',
            (${textArray(givenNames)})[1 + i % ${givenNames.length}],
            (${textArray(familyNames)})[1 + (i * 7) % ${familyNames.length}],
            case when i % 10 < 6 then jsonb_build_array(jsonb_build_object('number',
              '+1 504 555 ' || lpad((i % 10000)::text, 4, '0'))) else '[]' end,
            case when i % 2 = 0 then jsonb_build_array(jsonb_build_object('postal_code',
              (70000 + i % 999)::text)) else '[]' end,
            case when i % 10 < 3 then jsonb_build_object('employer', 'Employer ' || i % 500)
                 else '{}' end,
            (array['louisiana', 'texas-gulf', 'mississippi-alabama', 'florida-gulf', null])[1 + i % 5],
            (array['domestic-work', 'education', 'food-and-farm', 'cooperatives', null])[1 + (i / 5) % 5],
            ${sourceOf('i')}, 'bench' || i,
            case when i % 10 = 3 and i > 1 then ${personId('1 + (i * 31) % least(i - 1, 2000)')} end,
            t.at, t.at, case when i % 10 < 7 then t.at end
     from generate_series(1, ${people}) i,
          lateral (select now() - ((i * 7919) % ${hoursInTwoYears}) * interval '1 hour' as at) t`,
    `insert into petitions (id, title, description, targets, goal, lang)
     select 'bench-petition-' || n, 'Petition ' || n, 'A petition.', '[]', 100000, 'en'
     from generate_series(1, ${petitionCount}) n`,
    // Each person signs ten different petitions, one a round.
    `insert into signatures (petition_id, person_id, source, created_at)
     select 'bench-petition-' || (1 + (x.round + x.p) % ${petitionCount}), ${personId('x.p')},
            ${sourceOf('x.p')}, now() - ((g::bigint * 104729) % (730 * 86400)) * interval '1 second'
     from generate_series(0, ${signatures - 1}) g,
          lateral (select g % ${people} + 1 as p, g / ${people} as round) x`,
    `insert into petition_signature_counts (petition_id, shard, signatures)
     select petition_id, 0, count(*) from signatures group by 1`,
    `insert into events (id, title, description, start_at, end_at, timezone, lang, capacity, region)
     select 'bench-event-' || n, 'Event ' || n, 'An event.',
            now() - (700 - n * 1.8) * interval '1 day',
            now() - (700 - n * 1.8) * interval '1 day' + interval '2 hours', 'America/Chicago', 'en',
            case when n % 4 = 0 then 400 end,
            (array['louisiana', 'texas-gulf', 'mississippi-alabama', 'florida-gulf'])[1 + n % 4]
     from generate_series(1, ${eventCount}) n`,
    // Two RSVPs a person, each round to its own half of the events; one in twenty cancelled, one
    // in twenty waitlisted.
    `insert into attendances (event_id, person_id, status, source, attended, created_at)
     select e.id, ${personId('x.p')},
            case g % 20 when 0 then 'cancelled' when 1 then 'waitlisted' else 'accepted' end,
            ${sourceOf('x.p')},
            case when e.start_at < now() and g % 20 > 1 then g % 10 < 6 end,
            e.start_at - (g % 20) * interval '1 day'
     from generate_series(0, ${rsvps - 1}) g,
          lateral (select g % ${people} + 1 as p, g / ${people} as round) x
     join events e on e.id = 'bench-event-' || (1 + x.round * ${eventCount / 2} + x.p % ${eventCount / 2})`,
    `update events e set accepted_count = a.accepted, waitlist_count = a.waitlisted
     from (select event_id, count(*) filter (where status = 'accepted') as accepted,
                  count(*) filter (where status = 'waitlisted') as waitlisted
           from attendances group by 1) a
     where a.event_id = e.id`,
    `insert into dues_memberships (person_id, stripe_customer_id, stripe_subscription_id, status,
       amount, currency, interval, status_event_at, started_at)
     select id, 'cus_' || id, 'sub_' || id,
            case (hashtext(email) & 15) when 0 then 'lapsed' when 1 then 'lapsed'
                 when 2 then 'past_due' when 3 then 'cancelled' else 'active' end,
            1500, 'usd', case when hashtext(email) & 64 = 0 then 'month' else 'year' end,
            created_at, created_at
     from people where referral_code ~ '[05]$'`,
    // Monthly payments over the last half year, for those paying; older ones for those who stopped.
    `insert into dues_payments (id, person_id, amount, currency, status, paid_at)
     select 'in_' || d.person_id || '_' || k, d.person_id, d.amount, 'usd', 'paid',
            greatest(d.started_at, now() - (k + case when d.status = 'active' then 0 else 6 end)
                                         * interval '1 month')
     from dues_memberships d, generate_series(0, 5) k
     on conflict (id) do nothing`,
    `insert into conversations (person_id, organizer_name, held_on, notes, assessment)
     select ${personId(`1 + (g * 13) % ${people}`)}, 'Organizer ' || g % 12, current_date - g % 365,
            'Talked about the campaign.', 1 + g % 5
     from generate_series(0, ${conversations - 1}) g`,
  ];
}

/** The triggers that keep each member's latest actions on their standing row, by table. */
const activityTriggers = { signatures: 'signed', attendances: 'rsvped', dues_payments: 'paid' };
const activityTables = Object.keys(activityTriggers) as (keyof typeof activityTriggers)[];

/** The bare count of each figure: the same tables, grouped, and nothing else. */
const baselines: Record<keyof typeof figures, string> = {
  members_by_region: 'select region, count(*) from people group by 1',
  members_by_sector: 'select sector, count(*) from people group by 1',
  new_members_by_source: `select date_trunc('week', created_at), source, count(*) from people
    where created_at >= $1 group by 1, 2`,
  new_members_by_partner: `select date_trunc('week', created_at), source, count(*) from people
    where created_at >= $1 and source = any($2) group by 1, 2`,
  new_members_by_referrer: `select date_trunc('week', created_at), referred_by, count(*) from people
    where created_at >= $1 and referred_by is not null group by 1, 2`,
  participation: `select count(*) from (select person_id from signatures
    where created_at >= now() - interval '90 days' group by 1) s`,
  activists: `select count(*) from (select person_id from signatures
    where created_at >= now() - interval '90 days' group by 1 having count(*) >= 3) s`,
  retention: 'select status, count(*) from dues_memberships group by 1',
  contact_completeness: `select phone_numbers <> '[]', postal_addresses <> '[]', count(*) from people
    group by 1, 2`,
  petitions: 'select petition_id, count(*) from signatures group by 1',
  events: 'select event_id, status, count(*) from attendances group by 1, 2',
  conversations: `select date_trunc('month', held_on), count(*) from conversations
    where held_on >= $1 group by 1`,
};
const baselineParams = (sql: string, from: string): unknown[] =>
  sql.includes('$2') ? [from, partnerSources] : sql.includes('$1') ? [from] : [];

/** The searches a person makes at the door: a family name, two words, an exact email, a fragment. */
const searches = ['ortiz', 'rosa ortiz', 'person4242@bench.test', 'person99'];

/** The index migration 016 adds for the activity read, and how to make it again. */
const indexes = [
  {
    name: 'signatures_recent',
    create: 'create index signatures_recent on signatures (created_at, person_id)',
  },
];

/**
 * Drops the indexes of `tables` that nothing else depends on (a primary key another table's
 * foreign key points at stays); returns what makes them again, constraints as constraints.
 */
async function withoutIndexes(db: Database, tables: string[]): Promise<() => Promise<void>> {
  const indexes = await db.query<{
    name: string;
    definition: string;
    table_name: string;
    constraint_name: string | null;
    constraint_definition: string | null;
  }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition, t.relname as table_name,
            c.conname as constraint_name, pg_get_constraintdef(c.oid) as constraint_definition
     from pg_index x
     join pg_class i on i.oid = x.indexrelid
     join pg_class t on t.oid = x.indrelid
     left join pg_constraint c on c.conindid = i.oid and c.contype in ('p', 'u')
     where t.relnamespace = current_schema()::regnamespace and t.relname = any($1)
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.oid)`,
    [tables],
  );
  for (const index of indexes) {
    await db.exec(
      index.constraint_name
        ? `alter table ${index.table_name} drop constraint ${index.constraint_name}`
        : `drop index ${index.name}`,
    );
  }
  return async () => {
    for (const index of indexes) {
      await db.exec(
        index.constraint_name
          ? `alter table ${index.table_name} add constraint ${index.constraint_name} ${index.constraint_definition}`
          : index.definition,
      );
    }
  };
}

interface Timings {
  figures: Record<string, { time: Measure; baseline: Measure; rows: number }>;
  /** Participation (and with it activists and retention) for a period that ended yesterday. */
  pastActivity: Measure;
  dashboard: Record<string, Measure>;
  baselineDashboard: Measure;
  searches: Record<string, { time: Measure; found: number }>;
  /** The same, each index of `indexes` dropped. */
  pastActivityWithoutIndex: Record<string, Measure>;
  searchWithoutIndex: Record<string, Measure>;
  seedSeconds: number;
  /** A signature, in microseconds of the database's work: the activity kept, and not. */
  signatureCost?: SignatureCost;
}

/** A median time, and the median CPU time this process spent meanwhile. */
interface Measure {
  ms: number;
  /**
   * The embedded database runs in a thread of this process and the rest of it waits, so this is
   * the database's own work, which other work on a shared machine slows far less than the clock.
   */
  cpu: number;
}

/** The median of `runs` timed calls, after one unmeasured. */
async function timed(call: () => Promise<unknown>): Promise<Measure> {
  await call();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const used = process.cpuUsage();
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
  }
  return { ms: median(times), cpu: median(cpu) };
}

function defaultScope(): DashboardScope {
  const to = new Date().toISOString().slice(0, 10);
  const first = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
  first.setUTCMonth(first.getUTCMonth() - 11);
  return { from: first.toISOString().slice(0, 10), to, toGiven: false, personal: true };
}

async function measure(api: Api): Promise<Timings> {
  const db = api.db;
  const started = performance.now();
  // The large tables are loaded without their indexes, which are made again after, as a bulk
  // load is: the same schema, in a fraction of the time.
  const restore = await withoutIndexes(db, ['people', 'signatures', 'attendances']);
  // The same for the members' activity (migration 022): made once at the end, not after each row.
  for (const table of activityTables)
    await db.exec(
      `alter table ${table} disable trigger member_activity_${activityTriggers[table]}`,
    );
  for (const sql of seedSql()) await db.exec(sql);
  await restore();
  for (const table of activityTables)
    await db.exec(`alter table ${table} enable trigger member_activity_${activityTriggers[table]}`);
  await db.exec('select rally_refresh_member_activity(person_id) from member_standing');
  // What autovacuum would have done by the time staff look: statistics, and the visibility map
  // that lets a count read an index alone.
  await db.exec('vacuum analyze');
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(`  seeded in ${seedSeconds.toFixed(0)} s`);

  const scope = defaultScope();
  const from = `${scope.from}T00:00:00Z`;
  const result: Timings = {
    figures: {},
    dashboard: {},
    baselineDashboard: { ms: 0, cpu: 0 },
    searches: {},
    pastActivity: { ms: 0, cpu: 0 },
    pastActivityWithoutIndex: {},
    searchWithoutIndex: {},
    seedSeconds,
  };
  const shown = (measure: Measure) => `${measure.ms.toFixed(1)} ms (CPU ${measure.cpu.toFixed(0)})`;
  // Each figure alone, as its CSV download reads it: figures that share a read make it each time.
  for (const [name, figure] of Object.entries(figures) as [keyof typeof figures, Figure][]) {
    const rows = (await figure.read(db, scope, settings)).length;
    const time = await timed(() => figure.read(db, scope, settings));
    const sql = baselines[name];
    const baseline = await timed(() => db.query(sql, baselineParams(sql, from)));
    result.figures[name] = { time, baseline, rows };
    console.log(`  ${name}: ${shown(time)}; bare count ${shown(baseline)}`);
  }
  // A period that ended before today is read from the actions themselves, not the standing rows.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const pastScope: DashboardScope = { ...scope, to: yesterday, toGiven: true };
  const pastActivity = () => figures.participation.read(db, pastScope, settings);
  result.pastActivity = await timed(pastActivity);
  console.log(`  participation, a period that ended yesterday: ${shown(result.pastActivity)}`);
  // The whole dashboard as the console loads it: one request, through the API, in-process.
  const load = (query: string) => async () => {
    const response = await api.app.request(
      `http://api.rally.test/api/v1/reports/dashboard${query}`,
      { headers: { 'OSDI-API-Token': token } },
    );
    if (response.status !== 200) throw new Error(`dashboard${query}: ${response.status}`);
    await response.json();
  };
  for (const [label, query] of dashboardLoads) {
    result.dashboard[label] = await timed(load(query));
    console.log(`  ${label}: ${shown(result.dashboard[label]!)}`);
  }
  result.baselineDashboard = await timed(() =>
    Promise.all(Object.values(baselines).map((sql) => db.query(sql, baselineParams(sql, from)))),
  );
  console.log(`  every bare count: ${shown(result.baselineDashboard)}`);
  for (const q of searches) {
    const found = (await searchPeople(db, q)).length;
    result.searches[q] = { time: await timed(() => searchPeople(db, q)), found };
    console.log(`  search "${q}": ${shown(result.searches[q]!.time)}, ${found} shown`);
  }

  result.signatureCost = await signatureCost(db);
  for (const who of signerKinds) {
    const { kept, notKept } = result.signatureCost[who];
    console.log(
      `  a ${who}'s signature: ${kept.ms.toFixed(0)} µs with the activity kept, ${notKept.ms.toFixed(0)} µs without`,
    );
  }

  // Each index once away: the read it serves, timed without it, then the index made again.
  for (const index of indexes) {
    await db.exec(`drop index ${index.name}`);
    await db.exec('analyze signatures');
    result.pastActivityWithoutIndex[index.name] = await timed(pastActivity);
    console.log(
      `  participation, a period that ended yesterday, without ${index.name}: ${shown(result.pastActivityWithoutIndex[index.name]!)}`,
    );
    await db.exec(index.create);
    await db.exec('analyze signatures');
  }
  await db.exec('drop index people_search');
  for (const q of searches) {
    result.searchWithoutIndex[q] = await timed(() => searchPeople(db, q));
    console.log(`  search "${q}" without people_search: ${shown(result.searchWithoutIndex[q]!)}`);
  }
  return result;
}

/** Who signs, for what keeping the activity costs: members, or newcomers, who have no row. */
const signerKinds = ['member', 'newcomer'] as const;
type SignatureCost = Record<(typeof signerKinds)[number], { kept: Measure; notKept: Measure }>;

/**
 * What keeping each member's activity (migration 022) costs the write it rides on: 2,000 people
 * each sign a new petition through the same function as the API's writes, in one statement, with
 * the trigger and without it, in turns that change which goes first; the median time a signature,
 * in microseconds. Members are the people already on file whose number ends in 0 to 6 (those who
 * joined); newcomers are on file nowhere yet.
 */
async function signatureCost(db: Database): Promise<SignatureCost> {
  const signers = 2_000;
  const cost = {} as SignatureCost;
  for (const who of signerKinds) {
    const times = { kept: [] as number[], notKept: [] as number[] };
    const cpu = { kept: [] as number[], notKept: [] as number[] };
    for (let run = 0; run <= runs; run++) {
      const turns = run % 2 ? (['notKept', 'kept'] as const) : (['kept', 'notKept'] as const);
      for (const kind of turns) {
        const petition = `bench-cost-${who}-${kind}-${run}`;
        await db.query(
          `insert into petitions (id, title, description, targets, goal, lang)
           values ($1, 'Cost', 'A petition.', '[]', 100000, 'en')`,
          [petition],
        );
        if (kind === 'notKept')
          await db.exec('alter table signatures disable trigger member_activity_signed');
        const email =
          who === 'member'
            ? `'person' || ((i % 9999 + 1) * 10 + i % 7) || '@bench.test'`
            : `'newcomer-' || $1::text || '-' || i || '@bench.test'`;
        const used = process.cpuUsage();
        const start = performance.now();
        await db.query(
          `select rally_add_signature(jsonb_build_object('petition_id', $1::text,
             'person', jsonb_build_object('email', ${email}, 'referral_code', $1::text || i)))
           from generate_series($2::int, $3::int) i`,
          [petition, run * signers + 1, (run + 1) * signers],
        );
        const elapsed = performance.now() - start;
        const { user, system } = process.cpuUsage(used);
        if (kind === 'notKept')
          await db.exec('alter table signatures enable trigger member_activity_signed');
        // The first run warms up.
        if (run === 0) continue;
        times[kind].push((elapsed * 1000) / signers);
        cpu[kind].push((user + system) / signers);
      }
    }
    cost[who] = {
      kept: { ms: median(times.kept), cpu: median(cpu.kept) },
      notKept: { ms: median(times.notKept), cpu: median(cpu.notKept) },
    };
  }
  return cost;
}

const dashboardLoads = [
  ['whole dashboard', ''],
  ['whole dashboard, one region', '?region=louisiana'],
  ['whole dashboard, a partner’s sources', `?sources=${partnerSources.join(',')}`],
] as const;

function compose(database: () => Promise<Database>): Promise<Api> {
  return composeApi({
    database,
    settings,
    content: {
      petitions: new Map(),
      events: new Map(),
      spotlights: new Map(),
      microsites: new Map(),
    },
    adminToken: token,
    rateLimits: 'memory',
    housekeeping: false,
  });
}

async function onPostgres(): Promise<Timings> {
  const schema = `rally_bench_reports_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // The server's own pool size: the dashboard's figures run side by side on its connections.
  const api = await compose(() => openDatabase({ url: url.toString() }));
  try {
    return await measure(api);
  } finally {
    await api.close();
    if (keepSchema) console.log(`Kept the schema ${schema}.`);
    else await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

async function onPGlite(): Promise<Timings> {
  const dir = mkdtempSync(join(tmpdir(), 'rally-bench-reports-'));
  // On disk, as the API keeps it; `os` durability only makes the seeding quicker, reads sync nothing.
  const api = await compose(() => openDatabase({ dataDir: join(dir, 'db'), durability: 'os' }));
  try {
    return await measure(api);
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
const ms = (measure: Measure | undefined) => (measure === undefined ? '' : measure.ms.toFixed(1));
const cpu = (measure: Measure | undefined) => (measure === undefined ? '' : measure.cpu.toFixed(0));
const ratio = (value: Measure | undefined, baseline: Measure | undefined) =>
  value && baseline ? (value.ms / baseline.ms).toFixed(1) : '';

const version = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

console.log(
  `Seeding ${volume.people} people, ${volume.signatures} signatures, ${volume.rsvps} RSVPs, ${volume.conversations} conversations; medians of ${runs} runs. Load: ${load()}.`,
);
const results: Partial<Record<'postgres' | 'pglite', Timings>> = {};
if (databases.includes('postgres')) {
  console.log('PostgreSQL');
  results.postgres = await onPostgres();
}
if (databases.includes('pglite')) {
  console.log('PGlite');
  results.pglite = await onPGlite();
}
const { postgres, pglite } = results;

console.log(
  `\nNode ${process.version}; ${version('psql', ['--version'])}; seeding ${postgres?.seedSeconds.toFixed(0) ?? '–'} s on PostgreSQL, ${pglite?.seedSeconds.toFixed(0) ?? '–'} s on PGlite; load at the end: ${load()}.`,
);
const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
console.log('');
row([
  'read',
  'PostgreSQL ms',
  'bare count',
  'ratio',
  'PGlite ms',
  'CPU',
  'bare count',
  'ratio',
  'rows',
]);
row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
for (const name of Object.keys(figures)) {
  const p = postgres?.figures[name];
  const l = pglite?.figures[name];
  row([
    name,
    ms(p?.time),
    ms(p?.baseline),
    ratio(p?.time, p?.baseline),
    ms(l?.time),
    cpu(l?.time),
    ms(l?.baseline),
    ratio(l?.time, l?.baseline),
    String((p ?? l)?.rows ?? ''),
  ]);
}
row([
  'participation, a period that ended yesterday',
  ms(postgres?.pastActivity),
  '',
  '',
  ms(pglite?.pastActivity),
  cpu(pglite?.pastActivity),
  '',
  '',
  '',
]);
for (const [label] of dashboardLoads) {
  const whole = label === 'whole dashboard';
  const p = postgres?.dashboard[label];
  const l = pglite?.dashboard[label];
  row([
    `${label} (HTTP)`,
    ms(p),
    whole ? ms(postgres?.baselineDashboard) : '',
    whole ? ratio(p, postgres?.baselineDashboard) : '',
    ms(l),
    cpu(l),
    whole ? ms(pglite?.baselineDashboard) : '',
    whole ? ratio(l, pglite?.baselineDashboard) : '',
    '',
  ]);
}
for (const q of searches) {
  const p = postgres?.searches[q];
  const l = pglite?.searches[q];
  row([
    `search "${q}"`,
    ms(p?.time),
    '',
    '',
    ms(l?.time),
    cpu(l?.time),
    '',
    '',
    String((p ?? l)?.found ?? ''),
  ]);
}
console.log('\nA signature, µs of the database, with the activity of 022 kept and without:\n');
row(['signer', 'PostgreSQL', 'without', 'ratio', 'PGlite', 'without', 'ratio']);
row(['---', '---:', '---:', '---:', '---:', '---:', '---:']);
for (const who of signerKinds) {
  const p = postgres?.signatureCost?.[who];
  const l = pglite?.signatureCost?.[who];
  row([
    who,
    ms(p?.kept),
    ms(p?.notKept),
    ratio(p?.kept, p?.notKept),
    ms(l?.kept),
    ms(l?.notKept),
    ratio(l?.kept, l?.notKept),
  ]);
}
console.log('\nWithout the index (the same reads, the index dropped):\n');
row(['read', 'index', 'PostgreSQL ms', 'with it', 'PGlite ms', 'with it']);
row(['---', '---', '---:', '---:', '---:', '---:']);
for (const index of indexes) {
  row([
    'participation, a period that ended yesterday',
    index.name,
    ms(postgres?.pastActivityWithoutIndex[index.name]),
    ms(postgres?.pastActivity),
    ms(pglite?.pastActivityWithoutIndex[index.name]),
    ms(pglite?.pastActivity),
  ]);
}
for (const q of searches) {
  row([
    `search "${q}"`,
    'people_search',
    ms(postgres?.searchWithoutIndex[q]),
    ms(postgres?.searches[q]?.time),
    ms(pglite?.searchWithoutIndex[q]),
    ms(pglite?.searches[q]?.time),
  ]);
}
const slowestSearch = Math.max(
  ...[postgres, pglite].flatMap((t) => (t ? Object.values(t.searches).map((s) => s.time.ms) : [])),
);
const targets = [
  ['whole dashboard, PostgreSQL ≤ 300 ms', postgres?.dashboard['whole dashboard']?.ms, 300],
  ['whole dashboard, PGlite ≤ 1,500 ms', pglite?.dashboard['whole dashboard']?.ms, 1500],
  ['person search ≤ 50 ms (the slowest, either database)', slowestSearch, 50],
] as const;
console.log('');
for (const [label, value, target] of targets) {
  if (value === undefined || !Number.isFinite(value)) continue;
  console.log(`${value <= target ? 'met' : 'MISSED'}: ${label}: ${value.toFixed(1)} ms`);
}
