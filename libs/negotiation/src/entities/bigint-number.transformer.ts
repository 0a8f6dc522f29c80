import { ValueTransformer } from 'typeorm';

/** bigint money columns arrive as strings from pg; amounts stay within Number.MAX_SAFE_INTEGER. */
export const bigintNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
