import { describe, it } from 'node:test';
import { expect } from 'expect';
import { IsString, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { Nullable, Optional } from './presence.decorators';

class Example {
  @Optional() @IsString() name?: string;
  @Nullable() @IsString() note?: string | null;
}

const problems = (plain: object) => validateSync(plainToInstance(Example, plain)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('Optional and Nullable fields', () => {
  it('lets an optional field be left out but refuses null, naming the field', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ name: 'x' })).toEqual([]);
    expect(problems({ name: null })).toContain('name must not be null (leave it out to keep the current value)');
  });

  it('lets a nullable field be null or left out, and still checks a value', () => {
    expect(problems({ note: null })).toEqual([]);
    expect(problems({ note: 3 })).toEqual(['note must be a string']);
  });
});
