import fc from 'fast-check';

/** The part of JSON Schema (as zod v4 / the OpenAPI transform emits it) the fuzzer understands. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
};

/**
 * Strings people really type, and strings attackers type: quotes, SQL, markup, RTL and
 * zero-width text, emoji with joiners, a NUL byte, a lone surrogate. None of them contains
 * the SQL keywords the leak check looks for, so an echo of our own input is not mistaken for
 * a leaked query.
 */
export const ODD_STRINGS = [
  '',
  ' ',
  "O'Brien",
  'Dewi "Ayu" Lestari',
  "'; DROP TABLE people; --",
  '" OR "1"="1',
  '1; DELETE FROM users',
  '$$; --',
  '\\',
  '%_%',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  'سيتي أمينة',
  'שלום\u202Eabc',
  'Siti\u200BAminah\u200D',
  '👩‍👧‍👦🇮🇩',
  'Ñuñez Çağrı Đặng',
  'a\u0000b',
  '\uD800',
  '\r\n\t',
  '0',
  '-1',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '../../etc/passwd',
  '%2e%2e%2f',
  '=cmd|" /C calc"!A0',
];

const ODD_DATES = ['0000-01-01', '0001-01-01', '1900-02-28', '1970-01-01', '2024-02-29', '2000-02-29', '9999-12-31'];
export const INVALID_DATES = ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '99999-01-01', '2024-1-1', 'kemarin', '', '2024-02-30T25:61:00Z'];

/** Replaces lone surrogates (which cannot be percent-encoded) by U+FFFD, as a browser does. */
export const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

let knownIds: string[] = [];
/**
 * Ids of records that exist: a uuid field then names a real person, plan or case half of the
 * time, so a body reaches past "not found" into the handler's own rules.
 */
export function useKnownIds(ids: string[]): void {
  knownIds = [...new Set(ids)];
}

/** Bends a string to the schema's length bounds without losing its oddness. */
function fitLength(value: string, min = 0, max = 2000): string {
  let out = value.length > max ? value.slice(0, max) : value;
  while (out.length < min) out += out.length % 2 ? 'ي' : 'a';
  return out;
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') return fc.oneof(fc.constantFrom(...ODD_DATES), fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  if (schema.format === 'date-time') return fc.oneof(fc.constantFrom('0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'), fc.date({ noInvalidDate: true, min: new Date('0001-01-01'), max: new Date('9999-12-31') }).map((d) => d.toISOString()));
  if (schema.format === 'uuid') {
    const unknown = fc.oneof(fc.uuid({ version: 7 }), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'));
    return knownIds.length ? fc.oneof(fc.constantFrom(...knownIds), unknown) : unknown;
  }
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).map((s) => (schema.maxLength !== undefined ? s.slice(0, schema.maxLength) : s));
    } catch {
      // A pattern fast-check cannot generate from: fall through to odd text.
    }
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 2000;
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.min(max, 40) }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(max, 40) }) },
      // Exactly at the bounds, in characters that take several bytes each.
      { weight: 1, arbitrary: fc.constantFrom('é'.repeat(max), 'a'.repeat(min), '😀'.repeat(Math.floor(max / 2))) },
    )
    .map((s) => fitLength(s, min, max));
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = Math.max(schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : -SAFE_MAX), -SAFE_MAX);
  const max = Math.min(schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : SAFE_MAX), SAFE_MAX);
  const edges = [min, max, 0, 1, -1, 2_147_483_647, 2_147_483_648, -2_147_483_649, 1e15].filter((n) => n >= min && n <= max && (!integer || Number.isInteger(n)));
  const inRange = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return edges.length ? fc.oneof(fc.constantFrom(...edges), inRange) : inRange;
}

function typeArbitrary(schema: JsonSchema, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'number':
      return numberArbitrary(schema, false);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? validish(schema.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
      });
    case 'object':
      return objectArbitrary(schema, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) model[name] = validish(property, depth + 1);
  const required = (schema.required ?? []).filter((name) => name in properties);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object' && !Object.keys(properties).length) {
    return fc.dictionary(fc.constantFrom(...ODD_STRINGS.filter(Boolean), 'dusun', 'nama'), validish(schema.additionalProperties, depth + 1), { maxKeys: 3 });
  }
  return fc.record(model, { requiredKeys: required });
}

/**
 * Values that the schema accepts (or nearly: a pattern cut to a maximum length may not match),
 * chosen from the odd corners: boundary lengths and numbers, far dates, every script.
 */
export function validish(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(undefined);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => validish(choice, depth + 1)));
  if (schema.allOf?.length) {
    const merged: JsonSchema = Object.assign({}, ...schema.allOf);
    merged.properties = Object.assign({}, ...schema.allOf.map((s) => s.properties ?? {}));
    merged.required = schema.allOf.flatMap((s) => s.required ?? []);
    return validish(merged, depth + 1);
  }
  const types = [schema.type ?? (schema.properties ? 'object' : 'any')].flat();
  return fc.oneof(...types.map((type) => typeArbitrary(schema, type, depth)));
}

/** A value of the wrong kind for a schema of `type`. */
function wrongTypeArbitrary(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const type = [schema?.type].flat()[0];
  const others: unknown[] = [null, true, 0, -1e300, 1e300, 'teks', '', [], [1, 'a'], {}, { $gt: '' }, INVALID_DATES[0]];
  return fc.oneof(
    fc.constantFrom(...others.filter((v) => (type === 'string' ? typeof v !== 'string' : type === 'array' ? !Array.isArray(v) : true))),
    schema?.format === 'date' ? fc.constantFrom(...INVALID_DATES) : fc.constantFrom('x'.repeat(100_000), -0.5, 3.14),
  );
}

/** A JSON body the schema must refuse: wrong types, missing or extra fields, poisoned keys. */
export function invalidBody(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema?.properties ?? {});
  const whole = fc.constantFrom<unknown>(null, [], [{}], 'teks', 42, true, JSON.parse('{"__proto__":{"role":"admin"}}'), { constructor: { prototype: { role: 'admin' } } });
  if (!properties.length) return whole;
  const base = validish(schema) as fc.Arbitrary<Record<string, unknown>>;
  const property = fc.constantFrom(...properties);
  return fc.oneof(
    whole,
    // One field of the wrong type.
    fc.tuple(base, property).chain(([body, [name, s]]) => wrongTypeArbitrary(s).map((value) => ({ ...body, [name]: value }))),
    // A required field missing.
    fc.tuple(base, fc.constantFrom(...(schema?.required?.length ? schema.required : properties.map(([n]) => n)))).map(([body, name]) => {
      const copy = { ...body };
      delete copy[name];
      return copy;
    }),
    // A field nobody asked for, e.g. trying to set the village, the author or the version.
    fc.tuple(base, fc.constantFrom('villageCode', 'createdBy', 'role', 'scopeCode', 'deletedAt', 'zzz'), fc.jsonValue({ maxDepth: 1 })).map(([body, name, value]) => ({ ...body, [name]: value })),
    // Deep nesting.
    fc.constant(JSON.parse('['.repeat(500) + ']'.repeat(500))),
  );
}

/** Raw request bodies with a content type: malformed JSON, other media types, garbage multipart. */
export const rawInvalidBodies: fc.Arbitrary<{ body: string | Buffer; contentType: string }> = fc.oneof(
  fc.constantFrom('{"a":', "{'a':1}", '', 'null', '\u0000', '{"a":1}{"b":2}', '{"a":NaN}', '\uFEFF{}').map((body) => ({ body, contentType: 'application/json' })),
  fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data; boundary=x').map((contentType) => ({ body: 'nama=Siti&nik=1', contentType })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ body: Buffer.from(bytes), contentType: 'application/octet-stream' })),
);

/** A multipart upload with an odd file name and random bytes, declared as some document type. */
export const multipartUpload: fc.Arbitrary<{ body: Buffer; contentType: string }> = fc
  .tuple(
    fc.constantFrom(...ODD_STRINGS, 'data.xlsx', 'scan.pdf', 'foto.jpg', 'a'.repeat(300) + '.csv'),
    fc.constantFrom('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf', 'image/jpeg', 'text/csv', 'text/html', 'application/x-msdownload'),
    fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(new TextEncoder().encode('nama,nik,sex\n"Siti, ""A""",321216,2\n'), new TextEncoder().encode('%PDF-1.4\n<script>alert(1)</script>'))),
    fc.constantFrom('file', 'berkas', ''),
  )
  .map(([fileName, type, bytes, field]) => {
    const boundary = 'fuzzboundary7MA4YWxkTrZu0gW';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName.replaceAll('"', '%22')}"\r\nContent-Type: ${type}\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return { body, contentType: `multipart/form-data; boundary=${boundary}` };
  });

/** Odd values for a path segment or query value that should be refused, never crash. */
export const invalidSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_STRINGS.filter(Boolean), 'x'.repeat(5000), '-1', '1.5', '99999999999999999999', '0x10').map((s) => encodeURIComponent(wellFormed(s))),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((s) => encodeURIComponent(wellFormed(s))),
  // Sent as is: broken percent-encoding and encoded separators.
  fc.constantFrom('%00', '%', '%E0%A4%A', '..%2F..%2F', '%2e%2e'),
);

/**
 * One plain value the schema accepts: required fields only, first enum member, lower bounds,
 * today-ish dates. For the authorization matrix, so that a write an account may make is not
 * turned away by validation before its scope is checked.
 */
export function plainValue(schema: JsonSchema | undefined, uuid: (field: string) => string = () => '00000000-0000-7000-8000-000000000000', field = ''): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return plainValue(choices.find((c) => c.type !== 'null') ?? choices[0], uuid, field);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((part) => plainValue(part, uuid, field)));
  const type = [schema.type ?? (schema.properties ? 'object' : 'string')].flat().find((t) => t !== 'null');
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = plainValue(schema.properties?.[name], uuid, name);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => plainValue(schema.items, uuid, field));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : Math.min(1, schema.maximum ?? 1));
    case 'boolean':
      return false;
    default:
      if (schema.format === 'date') return '2026-01-05';
      if (schema.format === 'date-time') return '2026-01-05T08:00:00.000Z';
      if (schema.format === 'uuid') return uuid(field);
      if (schema.format === 'email') return 'uji@contoh.id';
      if (schema.pattern) {
        try {
          return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { numRuns: 1, seed: 1 })[0];
        } catch {
          // Fall through to plain text.
        }
      }
      return fitLength('Uji matriks', schema.minLength ?? 0, schema.maxLength ?? 2000);
  }
}
