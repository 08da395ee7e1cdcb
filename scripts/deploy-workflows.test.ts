/**
 * The workflows that build and deploy the sites on every content change (docs/deploying.md): the
 * one for GitHub Actions and the one for Forgejo and Gitea take the same steps, install the way the
 * README does, run the project's own build, and copy nothing unless a target is set.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Workflow {
  on: { push: { paths: string[] } };
  jobs: Record<string, { 'runs-on': string; steps: { name: string; run?: string; if?: string }[] }>;
}

const read = (path: string) => parse(readFileSync(path, 'utf8')) as Workflow;
const github = read('.github/workflows/sites.yml');
const forgejo = read('.forgejo/workflows/sites.yml');

describe('the sites’ deploy workflows', () => {
  it('take the same steps on GitHub and on Forgejo, only on their own runners', () => {
    const { 'runs-on': githubRunner, ...githubJob } = github.jobs['build-and-deploy']!;
    const { 'runs-on': forgejoRunner, ...forgejoJob } = forgejo.jobs['build-and-deploy']!;
    expect(forgejoJob).toEqual(githubJob);
    expect(forgejo.on).toEqual(github.on);
    expect([githubRunner, forgejoRunner]).toEqual(['ubuntu-latest', 'docker']);
  });

  it('run on content changes, install as the README says, build as pnpm build does', () => {
    expect(github.on.push.paths).toContain('content/**');
    const steps = github.jobs['build-and-deploy']!.steps;
    const readme = readFileSync('README.md', 'utf8');
    const pnpm = /npx -y (pnpm@[\d.]+) test/.exec(readme)![1];
    expect(steps.find((s) => s.name.startsWith('Install'))!.run).toContain(`${pnpm} install`);
    expect(steps.find((s) => s.name === 'Build every site')!.run).toContain(`${pnpm} build`);
    const deploy = steps.at(-1)!;
    expect(deploy.if).toMatch(/RALLY_DEPLOY_TARGET != ''/);
    expect(deploy.run).toMatch(/for site in dist\/sites\/\*\/; do\s+rsync -az --delete/);
  });
});
