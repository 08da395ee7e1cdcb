/** Reads the API's settings from the environment and stops on the first invalid one. */

export interface ServerConfig {
  /** TCP port the API listens on. */
  port: number;
  /** Folder of the embedded database. */
  dataDir: string;
}

/** A setting that cannot be used; the message names the setting and says what to do. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  return {
    port: readPort(env.PORT),
    dataDir: env.RALLY_DATA_DIR?.trim() || '.data',
  };
}

function readPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535; it is "${value}".`);
  }
  return port;
}
