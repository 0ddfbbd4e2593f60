import { describe, expect, it } from "vitest";
import { evaluatePremium } from "./evaluate";
import { customerTemplateCsv, exampleCustomerCsv, exampleProviderCsv, providerTemplateCsv } from "./exampleData";
import { prepareInput } from "./prepare";
import { STOCKHOLM_2022 } from "./presets";

describe("Exempeldata", () => {
  it("is deterministic, fictional by name, and parses without a problem", () => {
    expect(exampleProviderCsv()).toBe(exampleProviderCsv());
    expect(exampleCustomerCsv()).toBe(exampleCustomerCsv());
    const out = prepareInput({ providers: exampleProviderCsv(), customers: exampleCustomerCsv() });
    expect(out.problems).toEqual([]);
    expect(out.prepared!.providers.every((p) => p.utforare.startsWith("Exempelomsorg "))).toBe(true);
  });

  it("gives the same continuity from the provider file as from its customers, and shows every level", () => {
    const fromFile = evaluatePremium(prepareInput({ providers: exampleProviderCsv() }).prepared!.providers, STOCKHOLM_2022);
    const c = prepareInput({ providers: exampleProviderCsv(), customers: exampleCustomerCsv() }).prepared!;
    const fromCustomers = evaluatePremium(c.providers, STOCKHOLM_2022, c.shares);
    expect(fromCustomers.providers.map((p) => p.uppfyllda)).toEqual(fromFile.providers.map((p) => p.uppfyllda));
    expect(new Set(fromFile.providers.map((p) => p.kr_per_timme))).toEqual(new Set([0, 5, 15]));
  });

  it("templates hold exactly the documented columns and parse", () => {
    expect(prepareInput({ providers: providerTemplateCsv(), customers: null }).problems).toEqual([]);
    expect(customerTemplateCsv().split("\r\n")[0]).toBe("\ufeffutforare;kund;timmar_per_manad;antal_personal");
  });
});
