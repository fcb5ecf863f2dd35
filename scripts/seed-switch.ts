// JUESUAN_SEED, parsed strictly: whether an empty app database gets the seed (the demo
// departments and the demo users, whose password is in the README). Default on for local use,
// off when NODE_ENV=production: there only an explicit "on" seeds.
const ON = ['on', 'true', '1', 'yes'];
const OFF = ['off', 'false', '0', 'no'];

export function seedSwitch(env: { JUESUAN_SEED?: string; NODE_ENV?: string } = process.env): boolean {
  const raw = env.JUESUAN_SEED;
  if (raw === undefined || raw.trim() === '') return env.NODE_ENV !== 'production';
  const value = raw.trim().toLowerCase();
  if (ON.includes(value)) return true;
  if (OFF.includes(value)) return false;
  throw new Error(`JUESUAN_SEED 的值“${raw}”无效：可用 ${[...ON, ...OFF].join('、')}（不区分大小写）`);
}
