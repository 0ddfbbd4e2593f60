// Zod schemas for the Kolada v3 answers we use (DESIGN.md §3.1). Unknown extra fields are ignored;
// a missing or renamed field fails with the URL, the row index and the field path, so schema drift
// stops the run instead of producing quietly wrong tables.
import { z } from "zod";

export const envelopeSchema = z.object({
  values: z.array(z.unknown()),
  // The number of rows on this page; nothing depends on it, so its absence is no reason to stop.
  count: z.number().int().nonnegative().optional(),
  next_url: z.string().nullable().optional(),
  previous_url: z.string().nullable().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

// v3 sends booleans; older answers used 0/1. Both mean the same here.
const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1);

// v3 sends the period as a number; a digit string is accepted too.
const period = z.union([z.number().int(), z.string().regex(/^\d{4}$/)]).transform((v) => Number(v));

// `count` is 1 for an ordinary value, 0 for a missing one (members for groups): never respondents.
export const valueEntrySchema = z.object({
  gender: z.enum(["T", "K", "M"]),
  value: z.number().nullable(),
  count: z.number().int().nonnegative().nullable().optional(),
  status: z.string().nullable().optional(),
  isdeleted: z.boolean().nullable().optional(),
});
export type KoladaValueEntry = z.infer<typeof valueEntrySchema>;

export const dataRecordSchema = z.object({
  kpi: z.string().min(1),
  municipality: z.string().regex(/^\d{4}$/, "a 4-digit municipality code"),
  period,
  values: z.array(valueEntrySchema),
});
export type KoladaDataRecord = z.infer<typeof dataRecordSchema>;

export const ouDataRecordSchema = z.object({
  kpi: z.string().min(1),
  ou: z.string().min(1),
  period,
  values: z.array(valueEntrySchema),
});
export type KoladaOuDataRecord = z.infer<typeof ouDataRecordSchema>;

// Names and titles reach visitors. Double-encoded UTF-8 ("HemtjÃ¤nst" for "Hemtjänst": UTF-8 bytes read as
// Latin-1/Windows-1252 and encoded again) or undecodable bytes (U+FFFD) stop the run with the URL, row and
// field rather than being published or "repaired" by guesswork.
const MOJIBAKE = /[ÃÂ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|â[\u0080-\u00BF\u20AC]|\uFFFD/u;
export function looksMojibake(text: string): boolean {
  return MOJIBAKE.test(text);
}
const name = z.string().refine((s) => !looksMojibake(s), {
  message: "text looks double-encoded (mojibake, e.g. \"Ã¤\" for \"ä\") or has undecodable bytes (U+FFFD)",
});

export const kpiSchema = z.object({
  id: z.string().min(1),
  title: name,
  description: z.string().nullable(),
  has_ou_data: flag,
  is_divided_by_gender: flag,
  municipality_type: z.string().nullable().optional(),
  operating_area: z.string().nullable().optional(),
  // The period of the latest (or next announced) publication and its date: see publishedThrough().
  publication_date: z.string().nullable().optional(),
  publ_period: z.union([z.string(), z.number()]).nullable().optional(),
});
export type KoladaKpi = z.infer<typeof kpiSchema>;

export const groupSchema = z.object({
  id: z.string().min(1),
  title: name,
  members: z.array(z.object({ member_id: z.string().min(1), member_title: name })),
});
export type KoladaGroup = z.infer<typeof groupSchema>;

export const ouSchema = z.object({
  id: z.string().min(1),
  municipality: z.string().regex(/^\d{4}$/, "a 4-digit municipality code"),
  title: name,
  // Not documented for v3; read when present to tell municipal from private providers.
  type: z.string().nullable().optional(),
});
export type KoladaOu = z.infer<typeof ouSchema>;

export class KoladaSchemaError extends Error {
  constructor(readonly url: string, readonly row: number | null, readonly field: string, detail: string) {
    super(`Kolada schema drift at ${url}${row == null ? "" : `, row ${row}`}, field "${field}": ${detail}`);
    this.name = "KoladaSchemaError";
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(row)";
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");
}

/** Validate the envelope, then each row on its own so the error can name the row index. */
export function parseEnvelope(url: string, body: unknown): Envelope {
  const r = envelopeSchema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new KoladaSchemaError(url, null, fieldPath(issue.path), issue.message);
  }
  return r.data;
}

export function parseRows<S extends z.ZodType>(url: string, rows: unknown[], schema: S, firstIndex = 0): z.infer<S>[] {
  return rows.map((row, i) => {
    const r = schema.safeParse(row);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new KoladaSchemaError(url, firstIndex + i, fieldPath(issue.path), issue.message);
    }
    return r.data as z.infer<S>;
  });
}
