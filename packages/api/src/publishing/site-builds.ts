/**
 * Building the sites again after a publication, where the API runs beside them (`pnpm start` sets
 * `RALLY_SITES_BUILD_COMMAND`): the command is run with the sites the change shows on and the
 * pieces it changed, one build at a time. Changes published while a build runs wait for the next
 * one, all together, so a busy afternoon of publishing makes one build after another rather than a
 * queue of them. Each build is followed by its id, for the console to show its progress and then
 * the live page of each change. Where the sites are hosted elsewhere (built by CI from the content
 * repository), there is no command and no build here.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';

export interface BuiltPage {
  site: string;
  lang: string;
  url: string;
}

export interface SiteBuild {
  id: string;
  /** A publication's (into the sites served), or a preview's (into a folder of its own). */
  kind: 'publication' | 'preview';
  status: 'queued' | 'building' | 'done' | 'failed';
  /** The sites it makes; null: every site. */
  sites: string[] | null;
  /** The pieces it was asked for, as `spotlights/rosa-nueva`. */
  pieces: string[];
  /** Each piece's pages once built, by site and language. */
  pages: BuiltPage[];
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
  seconds: number | null;
  /**
   * Why it failed, in a sentence for the staff who published: the build's own words name files on
   * the server and its code, so they go to the API's log, under the build's id, for whoever runs it.
   */
  problem: string | null;
}

/** How many finished builds are remembered, for the console to read how they ended. */
const remembered = 50;

export class SiteBuilds {
  readonly #command: string[];
  readonly #cwd: string;
  readonly #builds = new Map<string, SiteBuild>();
  /** Where a preview's build reads its content and writes its sites. */
  readonly #previews = new Map<string, { content: string; out: string }>();
  #queue: SiteBuild[] = [];
  #running: Promise<void> | undefined;

  /** `command` is split at spaces: a program and its first arguments. */
  constructor(command: string, cwd = process.cwd()) {
    this.#command = command.split(/\s+/).filter(Boolean);
    this.#cwd = cwd;
  }

  /**
   * Asks for the sites (undefined: every site) to be built with the piece's pages; the build that
   * will make them, queued, or already waiting and now making these too.
   */
  request(sites: string[] | undefined, piece: string): SiteBuild {
    const next = this.#queue.find((build) => build.kind === 'publication');
    if (next) {
      next.sites = next.sites === null || sites === undefined ? null : union(next.sites, sites);
      if (!next.pieces.includes(piece)) next.pieces.push(piece);
      return next;
    }
    return this.#enqueue(this.#newBuild('publication', sites, piece));
  }

  /**
   * Asks for a preview: the sites built from the content folder `content` into `out`, apart from
   * those served; in turn with the publications' builds, which use the same build folder.
   */
  preview(
    sites: string[] | undefined,
    piece: string,
    folders: { content: string; out: string },
  ): SiteBuild {
    const build = this.#newBuild('preview', sites, piece);
    this.#previews.set(build.id, folders);
    return this.#enqueue(build);
  }

  #newBuild(kind: SiteBuild['kind'], sites: string[] | undefined, piece: string): SiteBuild {
    return {
      id: randomUUID(),
      kind,
      status: 'queued',
      sites: sites ?? null,
      pieces: [piece],
      pages: [],
      requested_at: new Date().toISOString(),
      started_at: null,
      finished_at: null,
      seconds: null,
      problem: null,
    };
  }

  #enqueue(build: SiteBuild): SiteBuild {
    this.#remember(build);
    this.#queue.push(build);
    this.#running ??= this.#drain();
    return build;
  }

  get(id: string): SiteBuild | undefined {
    return this.#builds.get(id);
  }

  /** Where a preview's sites are built to. */
  previewFolder(id: string): string | undefined {
    return this.#previews.get(id)?.out;
  }

  /** How many builds of a kind wait for their turn. */
  waiting(kind: SiteBuild['kind']): number {
    return this.#queue.filter((build) => build.kind === kind).length;
  }

  /** The folders of the previews waiting or being made (each holds its content and its sites). */
  previewFoldersInUse(): Set<string> {
    return new Set(
      [...this.#builds.values()]
        .filter(
          (build) => build.kind === 'preview' && ['queued', 'building'].includes(build.status),
        )
        .map((build) => dirname(this.#previews.get(build.id)!.out)),
    );
  }

  /** Until every build asked for so far has ended. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      for (let build = this.#queue.shift(); build; build = this.#queue.shift()) {
        await this.#run(build);
      }
    } finally {
      this.#running = undefined;
    }
  }

  async #run(build: SiteBuild): Promise<void> {
    build.status = 'building';
    build.started_at = new Date().toISOString();
    const started = performance.now();
    const [program, ...args] = this.#command;
    if (build.sites !== null) args.push('--sites', build.sites.join(','));
    args.push('--pages', build.pieces.join(','));
    const preview = this.#previews.get(build.id);
    if (preview) args.push('--content', preview.content, '--out', preview.out);
    const { code, signal, output, errors } = await run(program!, args, this.#cwd);
    build.finished_at = new Date().toISOString();
    build.seconds = Math.round((performance.now() - started) / 100) / 10;
    const answer = code === 0 ? lastJson(output) : undefined;
    if (answer) {
      build.status = 'done';
      build.pages = answer.pages;
    } else {
      build.status = 'failed';
      const kept =
        build.kind === 'preview' ? 'Nothing was published' : 'What was published is saved';
      build.problem =
        signal === 'SIGTERM' && performance.now() - started >= buildLimit
          ? `It took longer than ${buildLimit / 60_000} minutes and was stopped. ${kept}; the API's log says more under build ${build.id}.`
          : `It stopped before it finished. ${kept}; the API's log says why under build ${build.id}.`;
      console.error(
        `Rally: the build of the sites ${build.id} (${build.pieces.join(', ')}) failed${code === null ? '' : ` with code ${code}`}:\n` +
          (lastLines(errors || output) || `nothing said; run ${this.#command.join(' ')} to see.`),
      );
    }
  }

  #remember(build: SiteBuild): void {
    this.#builds.set(build.id, build);
    for (const id of this.#builds.keys()) {
      if (this.#builds.size <= remembered) break;
      this.#builds.delete(id);
      this.#previews.delete(id);
    }
  }
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** How long a build may take before it is stopped and said to have failed. */
const buildLimit = 10 * 60 * 1000;

/**
 * What a build is given of the API's environment: where programs are, and the sites' own
 * settings (`RALLY_…`, the publishable Stripe key) — never the API's secrets (the database's
 * address, the bootstrap token, Stripe's secret keys), which nothing in a build needs.
 */
export function buildEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const secret = new Set(['RALLY_ADMIN_TOKEN']);
  return Object.fromEntries(
    Object.entries(env).filter(
      ([name]) =>
        ['PATH', 'HOME', 'LANG', 'TMPDIR', 'NODE_ENV', 'STRIPE_PUBLISHABLE_KEY'].includes(name) ||
        (name.startsWith('RALLY_') && !secret.has(name)),
    ),
  );
}

function run(program: string, args: string[], cwd: string) {
  return new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    output: string;
    errors: string;
  }>((resolve) => {
    const child = spawn(program, args, {
      cwd,
      env: buildEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: buildLimit,
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk));
    child.on('error', (error) =>
      resolve({ code: null, signal: null, output, errors: error.message }),
    );
    child.on('close', (code, signal) => resolve({ code, signal, output, errors }));
  });
}

/** The build's answer: the last line of its output that is JSON with pages. */
function lastJson(output: string): { pages: BuiltPage[] } | undefined {
  for (const line of output.trim().split('\n').reverse()) {
    try {
      const parsed = JSON.parse(line) as { pages?: BuiltPage[] };
      if (Array.isArray(parsed.pages)) return { pages: parsed.pages };
    } catch {
      // Not the answer: a line the build logged.
    }
  }
  return undefined;
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-12).join('\n');
}
