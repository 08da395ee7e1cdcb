/**
 * Whether the ports `pnpm start` and `pnpm dev` serve on are free, so that one of them started
 * while the other runs says so in one line instead of crashing half-way with a stack trace (or, as
 * Astro does, quietly moving the preview to another port that no guide mentions).
 */
import { createServer } from 'node:net';

/** True when something on this computer already listens on `port`. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(true);
      else reject(error);
    });
    // On every address, as the sites and the API listen: a server on 127.0.0.1 alone still counts.
    probe.listen(port, () => probe.close(() => resolve(false)));
  });
}

/**
 * Stops the command with one line when any of `ports` is taken, most likely by Rally started
 * in another terminal; `command` is what to run again once that one is stopped.
 */
export async function requireFreePorts(ports: number[], command: string): Promise<void> {
  const taken: number[] = [];
  for (const port of ports) if (await portInUse(port)) taken.push(port);
  if (taken.length === 0) return;
  const which =
    taken.length === 1
      ? `Port ${taken[0]} is`
      : `Ports ${taken.slice(0, -1).join(', ')} and ${taken.at(-1)} are`;
  console.error(
    `${which} already in use, most likely by \`pnpm start\` or \`pnpm dev\` in another terminal: use that one, or stop it (Ctrl-C there) and run \`${command}\` again.`,
  );
  process.exit(1);
}
