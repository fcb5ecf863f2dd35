import { describe, expect, it } from 'vitest';
import { seedSwitch } from '../../scripts/seed-switch';

describe('JUESUAN_SEED', () => {
  it('accepts on/off/true/false/1/0/yes/no in any case', () => {
    for (const value of ['on', 'ON', 'true', 'True', '1', 'yes', ' Yes ']) expect(seedSwitch({ JUESUAN_SEED: value }), value).toBe(true);
    for (const value of ['off', 'OFF', 'false', 'FALSE', '0', 'no', 'No']) expect(seedSwitch({ JUESUAN_SEED: value }), value).toBe(false);
  });

  it('seeds by default for local use, never by default in production', () => {
    expect(seedSwitch({})).toBe(true);
    expect(seedSwitch({ NODE_ENV: 'development' })).toBe(true);
    expect(seedSwitch({ NODE_ENV: 'production' })).toBe(false);
    expect(seedSwitch({ NODE_ENV: 'production', JUESUAN_SEED: '' })).toBe(false);
    expect(seedSwitch({ NODE_ENV: 'production', JUESUAN_SEED: 'ON' })).toBe(true);
    expect(seedSwitch({ NODE_ENV: 'production', JUESUAN_SEED: 'off' })).toBe(false);
  });

  it('refuses anything else, naming the variable and the accepted values', () => {
    for (const value of ['of', 'disabled', '2', 'y', 'n']) {
      expect(() => seedSwitch({ JUESUAN_SEED: value })).toThrow(/^JUESUAN_SEED .*on、true、1、yes、off、false、0、no/);
    }
  });
});
