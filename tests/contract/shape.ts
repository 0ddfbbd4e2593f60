// The shape of a JSON answer as a map from a path ("values[].values[].value") to the JSON types met
// there, and for objects the set of keys. Used to hold every hand-made Kolada fixture to the shape of the
// real recorded v3 answers (../shared/data/kolada/v3-recorded/).

export interface Shape { types: Map<string, Set<string>>; keys: Map<string, Set<string>> }

function typeOf(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  return typeof x;
}

export function shapeOf(doc: unknown): Shape {
  const shape: Shape = { types: new Map(), keys: new Map() };
  const walk = (x: unknown, path: string) => {
    const t = typeOf(x);
    if (!shape.types.has(path)) shape.types.set(path, new Set());
    shape.types.get(path)!.add(t);
    if (t === "array") for (const item of x as unknown[]) walk(item, `${path}[]`);
    else if (t === "object") {
      const keys = Object.keys(x as object).sort().join(",");
      if (!shape.keys.has(path)) shape.keys.set(path, new Set());
      shape.keys.get(path)!.add(keys);
      for (const [k, v] of Object.entries(x as object)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(doc, "");
  return shape;
}

/**
 * Differences of `got` from `want`: a path whose objects have other keys, or a value of a type the
 * recorded answers never had there. `allow` widens the recorded types at a path (e.g. next_url is a
 * string on any but the last page; the recordings are single pages).
 */
export function shapeDiff(want: Shape, got: Shape, allow: Record<string, string[]> = {}): string[] {
  const out: string[] = [];
  for (const [path, keySets] of got.keys) {
    const wanted = want.keys.get(path);
    if (!wanted) { out.push(`${path || "(root)"}: object where the real answer has none`); continue; }
    for (const k of keySets) if (!wanted.has(k)) out.push(`${path || "(root)"}: keys {${k}}, real answer {${[...wanted].join("} or {")}}`);
  }
  for (const [path, types] of got.types) {
    const wanted = new Set([...(want.types.get(path) ?? []), ...(allow[path] ?? [])]);
    for (const t of types) if (!wanted.has(t)) out.push(`${path || "(root)"}: ${t}, real answer ${[...wanted].join("|") || "has no such field"}`);
  }
  return out;
}
