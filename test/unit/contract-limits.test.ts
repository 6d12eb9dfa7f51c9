import { describe, expect, it } from 'vitest';
import { contract, CHANNEL_NAMES } from '../../src-shared/contract';
import { INPUT_LIMITS, nameSchema } from '../../src-shared/contract/common';

// Every string and list a channel takes has an upper bound (src-shared/contract/common.ts
// INPUT_LIMITS), so oversized input is refused at the door as INVALID_INPUT naming the field.
// A new channel with an unbounded string or array fails here.

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string } } }[];
  [key: string]: unknown;
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function bounded(def: Def): boolean {
  return (def.checks ?? []).some((check) => check._zod.def.check === 'max_length');
}

/** The dotted paths of every string or array in the input side of a schema that has no maximum. */
function unboundedPaths(schema: unknown, path: string, found: string[]): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'array':
      if (!bounded(def)) found.push(`${path || '(input)'}: ${def.type}`);
      if (def.type === 'array') unboundedPaths(def.element, `${path}[]`, found);
      break;
    case 'object':
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) unboundedPaths(field, path ? `${path}.${key}` : key, found);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      unboundedPaths(def.innerType, path, found);
      break;
    // The input side is what a caller sends; a pipe's out side only sees what `in` let through.
    case 'pipe':
      unboundedPaths(def.in, path, found);
      break;
    case 'union':
      for (const option of def.options as unknown[]) unboundedPaths(option, path, found);
      break;
    // Keyed by a closed set (an enum, or a string piped into one), a record holds at most one entry per member.
    case 'record': {
      const key = defOf(def.keyType);
      if (key.type === 'enum' || (key.type === 'pipe' && defOf(key.out).type === 'enum')) unboundedPaths(def.valueType, `${path}{}`, found);
      else found.push(`${path}: record`);
      break;
    }
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'transform':
      break;
    default:
      found.push(`${path}: ${def.type} (unknown to this test)`);
  }
  return found;
}

describe('contract input limits', () => {
  it('bounds every string and list of every channel input', () => {
    const unbounded = CHANNEL_NAMES.flatMap((name) => unboundedPaths(contract[name].input, '', []).map((where) => `${name} ${where}`));
    expect(unbounded).toEqual([]);
  });

  it('refuses a name with NUL or a bidirectional control, naming the reason, and keeps CJK and accents', () => {
    const schema = nameSchema();
    for (const bad of ['Ada\u0000', 'Ada\u202Enimda', '\u2066Bob\u2069', 'Li\u200FMei', 'tab\there']) {
      const result = schema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ code: 'custom', params: { reason: 'control_characters' } });
    }
    for (const good of ['张三丰', 'Zoë Ångström', "O'Brien-Smith"]) expect(schema.safeParse(good)).toMatchObject({ success: true });
    expect(schema.safeParse('x'.repeat(INPUT_LIMITS.name + 1)).success).toBe(false);
  });
});

