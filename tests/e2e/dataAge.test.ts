// Data age said plainly (issue 13): every page and embed states the newest survey year apart from the
// fetch date; the home page says when Kolada has published newer survey years than the build holds
// (offline: from the stored catalogue); /data/ shows the last refresh and, after data:update, what changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuildData, type BuildData } from "../../src/site-data/load";
import { dataAgeText, newerDataOf } from "../../src/site-data/dataDate";
import { seriousAxeViolations, startHarness, type Harness } from "./harness";

let h: Harness;
let data: BuildData;
beforeAll(async () => { h = await startHarness(); data = await loadBuildData(); });
afterAll(async () => { await h?.close(); });

const html = async (path: string) => {
  const r = await fetch(`${h.url}${path}`);
  expect(r.status, path).toBe(200);
  return r.text();
};

describe("data age", () => {
  it("every page and embed says the newest survey year, apart from the fetch date", async () => {
    const age = dataAgeText(data.manifest)!;
    expect(age).toMatch(/^Senaste uppgifter: brukarundersökningen 20\d\d$/);
    for (const path of ["/", "/rankning/", "/kommun/0180/", "/metod/", "/data/", "/embed/riket/karta/"]) {
      const text = await html(path);
      expect(text, path).toContain(age);
      expect(text, path).toContain("Data hämtade");
    }
  });

  it("the home page says newer results exist and how to get them when Kolada has published more", async () => {
    const newer = newerDataOf(data.manifest);
    const page = await h.newPage();
    await page.goto(`${h.url}/`);
    const notice = page.locator(".data-age-notice");
    if (newer) {
      await expect.poll(() => notice.count()).toBe(1);
      const text = (await notice.textContent())!.replace(/\s+/g, " ");
      expect(text).toContain(`till och med ${newer.published}`);
      expect(text).toContain(`visar än så länge ${newer.have}`);
      expect(text).toContain("npm run data:update");
    } else expect(await notice.count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("/data/ shows the last refresh and what changed (or that this build is no update)", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/data/#uppdatering`);
    const section = (await page.locator("section[aria-labelledby='uppdatering']").textContent())!.replace(/\s+/g, " ");
    expect(section).toContain("Uppgifterna hämtades senast");
    expect(section).toContain(dataAgeText(data.manifest)!);
    expect(section).toContain("npm run data:update");
    const hasChanges = data.manifest.files.some((f) => f.file === "changes.json");
    expect(section.includes("Vad den senaste uppdateringen ändrade")).toBe(hasChanges);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
