// Exempeldata for the premium tool: deterministic synthetic providers with clearly fictional names
// ("Exempelomsorg …"), and their customers, so the page shows the tool before anyone uploads a file.
// Seeded (src/model/random.ts): the same bytes on every build. The providers' continuity share is
// computed from the example customers with the file's median per band, as the tool itself would.
import { toCsv } from "../../shared/csv";
import { continuityShares } from "./continuity";
import { CUSTOMER_COLUMNS, PROVIDER_COLUMNS } from "./parseInput";
import { HOUR_BANDS } from "./presets";
import { mulberry32, seedFromString } from "../random";
import type { CustomerInput } from "./types";

interface ExampleProvider {
  name: string;
  regi: "kommunal" | "enskild";
  customers: number;
  /** Staff met relative to the band's typical number (negative: better continuity). */
  staffOffset: number;
  hourly: number;
  trained: number;
  usk: number;
}

const PROVIDERS: readonly ExampleProvider[] = [
  { name: "Exempelomsorg Ask", regi: "kommunal", customers: 42, staffOffset: -2, hourly: 12.4, trained: 86.0, usk: 34.5 },
  { name: "Exempelomsorg Björk", regi: "enskild", customers: 28, staffOffset: -1, hourly: 21.5, trained: 81.2, usk: 22.0 },
  { name: "Exempelomsorg Ceder", regi: "enskild", customers: 19, staffOffset: 1, hourly: 18.0, trained: 83.3, usk: 25.0 },
  { name: "Exempelomsorg Därek", regi: "kommunal", customers: 35, staffOffset: -2, hourly: 27.9, trained: 78.4, usk: 30.1 },
  { name: "Exempelomsorg Ek", regi: "enskild", customers: 12, staffOffset: 3, hourly: 35.0, trained: 64.0, usk: 12.5 },
  { name: "Exempelomsorg Fläder", regi: "enskild", customers: 24, staffOffset: -3, hourly: 22.0, trained: 80.0, usk: 19.5 },
  { name: "Exempelomsorg Gran", regi: "kommunal", customers: 51, staffOffset: 0, hourly: 15.2, trained: 90.1, usk: 41.0 },
  { name: "Exempelomsorg Hassel", regi: "enskild", customers: 9, staffOffset: -3, hourly: 8.0, trained: 100.0, usk: 44.4 },
];

/** Typical staff met per band of monthly hours (more hours, more staff). */
const TYPICAL_STAFF = [3, 6, 9, 11, 13, 15, 17];
const BAND_HOURS = HOUR_BANDS.map((lo, i) => [lo, (HOUR_BANDS[i + 1] ?? 260) - 1] as const);

export function exampleCustomers(): CustomerInput[] {
  const random = mulberry32(seedFromString("kvalitetspremie-exempeldata"));
  const out: CustomerInput[] = [];
  for (const p of PROVIDERS) {
    for (let k = 1; k <= p.customers; k++) {
      // Most customers have few hours a month; few have very many.
      const band = Math.min(6, Math.floor(random() ** 1.6 * 7));
      const [lo, hi] = BAND_HOURS[band];
      const hours = lo + Math.floor(random() * (hi - lo + 1));
      const noise = Math.round((random() - 0.5) * 2.6);
      const staff = Math.max(1, TYPICAL_STAFF[band] + p.staffOffset + noise);
      out.push({ row: out.length + 2, utforare: p.name, kund: `K${String(out.length + 1).padStart(4, "0")}`, timmar_per_manad: hours, antal_personal: staff });
    }
  }
  return out;
}

const comma = (x: number) => String(x).replace(".", ",");

/** The example customer file, as a municipality would export it (";" and decimal comma, BOM). */
export function exampleCustomerCsv(): string {
  return toCsv([...CUSTOMER_COLUMNS], exampleCustomers().map((c) => [c.utforare, c.kund, comma(c.timmar_per_manad), c.antal_personal]), { bom: true, eol: "\r\n", delimiter: ";" });
}

/** The example provider file: performed hours are the customers' hours, continuity from the customers. */
export function exampleProviderCsv(): string {
  const customers = exampleCustomers();
  const shares = continuityShares(customers, { kind: "median" }).providers;
  const rows = PROVIDERS.map((p) => {
    const hours = customers.filter((c) => c.utforare === p.name).reduce((s, c) => s + c.timmar_per_manad, 0);
    const share = Math.round(shares.get(p.name)!.share * 10) / 10;
    return [p.name, p.regi, hours, comma(share), comma(p.hourly), comma(p.trained), comma(p.usk)];
  });
  return toCsv([...PROVIDER_COLUMNS], rows, { bom: true, eol: "\r\n", delimiter: ";" });
}

/** Empty templates with the documented columns and one illustrative row each. */
export function providerTemplateCsv(): string {
  return toCsv([...PROVIDER_COLUMNS], [["Namn på utföraren", "enskild", "1250,5", "90", "22", "80", "20"]], { bom: true, eol: "\r\n", delimiter: ";" });
}

export function customerTemplateCsv(): string {
  return toCsv([...CUSTOMER_COLUMNS], [["Namn på utföraren", "kund-001", "42,5", "7"]], { bom: true, eol: "\r\n", delimiter: ";" });
}
