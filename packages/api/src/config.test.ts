import { describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig } from './config.ts';

describe('readServerConfig', () => {
  it('uses port 8787 and the .data folder when nothing is set', () => {
    expect(readServerConfig({})).toEqual({ port: 8787, dataDir: '.data' });
  });

  it('reads PORT and RALLY_DATA_DIR', () => {
    expect(readServerConfig({ PORT: '9000', RALLY_DATA_DIR: '/var/lib/rally' })).toEqual({
      port: 9000,
      dataDir: '/var/lib/rally',
    });
  });

  it('names the setting when PORT is not a port', () => {
    expect(() => readServerConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => readServerConfig({ PORT: '70000' })).toThrow(/PORT must be a whole number/);
  });
});
