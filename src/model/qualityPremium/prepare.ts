// From the uploaded text(s) to what the engine needs, or to the list of problems. Nothing is computed
// from a partly bad file unless the caller asks to skip the named rows (`skipBadRows`); problems with a
// header or a whole file can never be skipped.
import { continuityShares, type ContinuityResult, type ReferenceChoice } from "./continuity";
import { parseCustomerFile, parseProviderFile, problem, PROVIDER_COLUMNS, CUSTOMER_COLUMNS, type InputProblem } from "./parseInput";
import type { CustomerInput, ProviderInput } from "./types";

export type InputFile = "utforare" | "kunder";

export interface FileProblem extends InputProblem { file: InputFile }

export interface PreparedInput {
  providers: ProviderInput[];
  customers: CustomerInput[] | null;
  continuity: ContinuityResult | null;
  /** Per provider: the share within the reference from the customer file. */
  shares: Map<string, number> | undefined;
  /** Rows left out because the user chose to skip them. */
  skipped: { file: InputFile; row: number }[];
}

export interface PrepareOutcome {
  problems: FileProblem[];
  /** Any problem that skipping rows cannot cure (header, empty file, unterminated quote). */
  fatal: boolean;
  /** Null when there are problems and rows may not be skipped, or when a problem is fatal. */
  prepared: PreparedInput | null;
}

const columnOrder = (file: InputFile, c: string | null) =>
  c === null ? -1 : (file === "utforare" ? PROVIDER_COLUMNS : CUSTOMER_COLUMNS).indexOf(c as never);

function sortProblems(list: FileProblem[]): FileProblem[] {
  return list.sort((a, b) => (a.file === b.file ? 0 : a.file === "utforare" ? -1 : 1) || a.row - b.row || columnOrder(a.file, a.column) - columnOrder(b.file, b.column));
}

export function prepareInput(
  files: { providers: string; customers?: string | null },
  options: { reference?: ReferenceChoice; skipBadRows?: boolean } = {},
): PrepareOutcome {
  const withCustomers = files.customers != null;
  const p = parseProviderFile(files.providers, { continuityFromCustomers: withCustomers });
  const c = withCustomers ? parseCustomerFile(files.customers as string) : null;
  const problems: FileProblem[] = [
    ...p.problems.map((x) => ({ ...x, file: "utforare" as const })),
    ...(c?.problems ?? []).map((x) => ({ ...x, file: "kunder" as const })),
  ];
  if (problems.some((x) => x.fatal)) return { problems: sortProblems(problems), fatal: true, prepared: null };

  // Cross-file checks: customers of unknown providers; providers with no continuity share at all.
  let customers = c?.rows ?? null;
  if (customers) {
    // A provider whose own row is bad is still known (its customers are not the problem).
    for (const cu of customers) {
      if (!p.names.has(cu.utforare)) problems.push({ ...problem(cu.row, "utforare", `utföraren ”${cu.utforare}” finns inte i utförarfilen.`), file: "kunder" });
    }
    const bad = new Set(problems.filter((x) => x.file === "kunder").map((x) => x.row));
    customers = customers.filter((cu) => !bad.has(cu.row));
  }
  let continuity: ContinuityResult | null = null;
  if (customers) {
    try {
      continuity = continuityShares(customers, options.reference ?? { kind: "median" });
    } catch (e) {
      problems.push({ ...problem(1, null, (e as Error).message, true), file: "kunder" });
      return { problems: sortProblems(problems), fatal: true, prepared: null };
    }
  }
  const shares = continuity ? new Map([...continuity.providers].map(([k, v]) => [k, v.share])) : undefined;
  for (const pr of p.rows) {
    if (pr.andel_kunder_inom_riktvarde === null && !shares?.has(pr.utforare)) {
      problems.push({ ...problem(pr.row, "andel_kunder_inom_riktvarde", `värdet saknas och kundfilen har inga kunder hos ”${pr.utforare}”.`), file: "utforare" });
    }
  }
  sortProblems(problems);
  if (problems.length > 0 && !options.skipBadRows) return { problems, fatal: false, prepared: null };
  const badProvider = new Set(problems.filter((x) => x.file === "utforare").map((x) => x.row));
  const providers = p.rows.filter((r) => !badProvider.has(r.row));
  if (providers.length === 0) {
    problems.push({ ...problem(1, null, "ingen utförare finns kvar när raderna med fel hoppas över.", true), file: "utforare" });
    return { problems, fatal: true, prepared: null };
  }
  const skipped = [...new Set(problems.map((x) => `${x.file}:${x.row}`))].map((k) => {
    const [file, row] = k.split(":");
    return { file: file as InputFile, row: Number(row) };
  });
  return { problems, fatal: false, prepared: { providers, customers, continuity, shares, skipped } };
}
