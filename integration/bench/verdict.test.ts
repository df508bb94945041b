import { describe, expect, it } from 'vitest';
import { judgeRow, rowsPass } from '../../bench/lib/verdict.mjs';

// How `npm run bench` (bench/run-all.mjs) judges each row: a missed target fails the run unless
// the row states, with its own measurement, why the target is out of reach on this machine.

const limit = { metric: 'node -e 0, spawn to exit (median)', value: 170, unit: 'ms' };

describe('bench rows', () => {
  it('a met target passes', () => {
    const row = { metric: 'cold import', value: 14, unit: 'ms', target: '≤ 25 ms', met: true };
    expect(judgeRow(row)).toEqual({ verdict: 'met' });
    expect(rowsPass([row])).toBe(true);
  });

  it('a missed target fails the run', () => {
    const row = { metric: 'cold import', value: 40, unit: 'ms', target: '≤ 25 ms', met: false };
    expect(judgeRow(row)).toEqual({ verdict: 'missed' });
    expect(rowsPass([row, { metric: 'for scale', value: 3 }])).toBe(false);
  });

  it('a miss that states why the target is out of reach, with its measured limit, passes', () => {
    const row = {
      metric: 'spawn to submitting',
      value: 190,
      target: '≤ 150 ms',
      met: false,
      outOfReach: { reason: 'Node alone takes longer than the budget to start here', limit },
    };
    expect(judgeRow(row)).toEqual({ verdict: 'out of reach' });
    expect(rowsPass([row])).toBe(true);
  });

  it('an out-of-reach claim without a reason or a measured limit is invalid and fails', () => {
    const base = { metric: 'spawn to submitting', value: 190, target: '≤ 150 ms', met: false };
    for (const outOfReach of [
      { reason: '', limit },
      { reason: 'slow machine', limit: { metric: 'node -e 0', value: Number.NaN } },
      { reason: 'slow machine' },
    ]) {
      expect(judgeRow({ ...base, outOfReach } as never).verdict).toBe('invalid');
      expect(rowsPass([{ ...base, outOfReach } as never])).toBe(false);
    }
  });

  it('a target without a verdict, or a verdict without a target, is invalid', () => {
    expect(judgeRow({ metric: 'm', value: 1, target: '≤ 2', met: null })).toMatchObject({
      verdict: 'invalid',
    });
    expect(judgeRow({ metric: 'm', value: 1, target: '', met: true })).toMatchObject({ verdict: 'invalid' });
    expect(rowsPass([{ metric: 'm', value: 1, met: true }])).toBe(false);
  });

  it('a row for information only, with neither, passes', () => {
    expect(judgeRow({ metric: 'zod alone', value: 38, unit: 'ms', target: '', met: null })).toEqual({
      verdict: 'info',
    });
  });
});
