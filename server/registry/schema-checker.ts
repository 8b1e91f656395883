/**
 * A yes/no validator read off a zod schema's definition, for the export's hot path: every export
 * validates the whole record (thousands of objects on a large protocol), and zod's `safeParse`
 * builds a full copy of it and a result object per field to say "valid". This walks the same
 * definition once into plain closures that only look (no copy, no code generation, so it works
 * where `new Function` is forbidden too), and zod is asked again only when the answer is no, for
 * its issues.
 *
 * Sound by construction, not equivalent: `true` means zod accepts the value too, `false` means "ask
 * zod" (it may be stricter than zod, e.g. on a string longer in UTF-16 units than its limit but not
 * in code points, and zod then decides). A schema with a part it does not know (a transform, a
 * default, a union, an asynchronous refinement …) gives no checker at all, so the caller uses zod
 * alone; test/registry/schema-checker.test.ts proves the export schema compiles and agrees with zod.
 */
import type { z } from 'zod';

export type Checker = (value: unknown) => boolean;

type Internals = z.core.$ZodTypeInternals & { traits: Set<string> };
type Check = { _zod: { def: { check: string; maximum?: number; pattern?: RegExp; format?: string }; check(payload: Payload): unknown } };
type Payload = { value: unknown; issues: unknown[] };

/** The checker of `schema`, or undefined when it has a part this file does not read. */
export function compileChecker(schema: z.core.$ZodType): Checker | undefined {
  try {
    return compile(schema);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

class Unsupported extends Error {}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function compile(schema: z.core.$ZodType): Checker {
  const zod = schema._zod as Internals;
  const def = zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const typed = typeChecker(def);
  const checks = [...(zod.traits.has('$ZodCheck') ? [schema as unknown as Check] : []), ...((def.checks ?? []) as unknown as Check[])];
  if (checks.length === 0) return typed;
  const valueChecks = checks.map(valueCheck);
  return (v) => {
    if (!typed(v)) return false;
    for (const c of valueChecks) if (!c(v)) return false;
    return true;
  };
}

function typeChecker(def: z.core.$ZodTypeDef & Record<string, unknown>): Checker {
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'enum': {
      const values = new Set(Object.values(def['entries'] as Record<string, unknown>));
      return (v) => values.has(v);
    }
    case 'optional': {
      const inner = def['innerType'] as z.core.$ZodType;
      // A default inside would put a value where the key is absent: not a yes/no question.
      if ((inner._zod as Internals).optin === 'defaulted') throw new Unsupported();
      const check = compile(inner);
      return (v) => v === undefined || check(v);
    }
    case 'array': {
      const element = compile(def['element'] as z.core.$ZodType);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'object':
      return objectChecker(def['shape'] as Record<string, z.core.$ZodType>, def['catchall'] as z.core.$ZodType | undefined);
    default:
      throw new Unsupported();
  }
}

/** Strict objects only (catchall `never`): every own key declared, every declared key's value valid. */
function objectChecker(shape: Record<string, z.core.$ZodType>, catchall: z.core.$ZodType | undefined): Checker {
  if (!catchall || catchall._zod.def.type !== 'never') throw new Unsupported();
  const fields = new Map<string, Checker>();
  for (const key of Object.keys(shape)) fields.set(key, compile(shape[key]!));
  const entries = [...fields];
  return (v) => {
    if (!isPlainObject(v)) return false;
    // zod reads the same keys (for…in) for unknown ones; `__proto__` is never a declared key here.
    for (const key in v) if (!fields.has(key)) return false;
    for (const [key, check] of entries) if (!check(v[key])) return false;
    return true;
  };
}

/** A check as a predicate: the two the registry schema is made of read directly, any other run as zod runs it. */
function valueCheck(check: Check): Checker {
  const d = check._zod.def;
  // Measured in UTF-16 units, never more than zod's code points: within the limit here is within it there.
  if (d.check === 'max_length' && typeof d.maximum === 'number') {
    const max = d.maximum;
    return (v) => (v as { length: number }).length <= max;
  }
  if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp) {
    const pattern = d.pattern;
    return (v) => {
      pattern.lastIndex = 0;
      return pattern.test(v as string);
    };
  }
  // A check that rewrites the value (overwrite, trim …) makes the output differ from the input.
  if (d.check === 'overwrite') throw new Unsupported();
  return (v) => {
    const payload: Payload = { value: v, issues: [] };
    const r = check._zod.check(payload);
    return !(r instanceof Promise) && payload.issues.length === 0 && payload.value === v;
  };
}
