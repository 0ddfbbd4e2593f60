// "Hela rapportpaketet (ZIP)": the page assembles the ZIP in the browser from the package's files (the
// links in the same section), with the same deterministic writer the build used to run (src/report/zip.ts),
// so the site does not store every package twice. Progress and errors go to a polite live region
// (WCAG 2.1 SC 4.1.3). Without JavaScript the button stays hidden and every file is linked one by one.

export interface PackageZipRequest {
  /** Folder URL of the package, e.g. "/kommun/0180/". */
  base: string;
  /** Folder inside the ZIP ("rapportpaket-0180-stockholm"). */
  folder: string;
  /** Paths relative to `base`, each once. */
  files: readonly string[];
}

export class PackageNotReadyError extends Error {}

/** Fetches every file and returns the ZIP's bytes; `onProgress(done, total)` after each file. */
export async function buildPackageZip(req: PackageZipRequest, fetcher: typeof fetch = fetch, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const [{ deterministicZip }] = await Promise.all([import("../report/zip")]);
  const entries: Record<string, Uint8Array> = {};
  let done = 0;
  for (const file of req.files) {
    const response = await fetcher(`${req.base}${file}`);
    if (response.status === 503) throw new PackageNotReadyError(file);
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    entries[`${req.folder}/${file}`] = new Uint8Array(await response.arrayBuffer());
    onProgress?.(++done, req.files.length);
  }
  return deterministicZip(entries);
}

/** The package's files as the section links them (a[data-file]), each once, in page order. */
export function packageFilesIn(section: ParentNode): string[] {
  const seen = new Set<string>();
  section.querySelectorAll<HTMLAnchorElement>("a[data-file]").forEach((a) => { if (a.dataset.file) seen.add(a.dataset.file); });
  return [...seen];
}

export function initPackageZip(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>("[data-package-zip]").forEach((box) => {
    const button = box.querySelector("button");
    const status = box.querySelector<HTMLElement>("[role=status]");
    const section = box.closest("section");
    if (!button || !status || !section) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const files = packageFilesIn(section);
      button.disabled = true;
      status.textContent = `Packar ihop ${files.length} filer …`;
      try {
        const bytes = await buildPackageZip({ base: box.dataset.base ?? "", folder: box.dataset.folder ?? "rapportpaket", files }, fetch,
          (done, total) => { if (done === total || done % 5 === 0) status.textContent = `Hämtat ${done} av ${total} filer …`; });
        const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = box.dataset.name ?? "rapportpaket.zip";
        document.body.append(a);
        a.click();
        a.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
        status.textContent = `Klart: ${a.download} (${(bytes.length / 1024 / 1024).toFixed(1).replace(".", ",")} MB) har laddats ner.`;
      } catch (e) {
        status.textContent = e instanceof PackageNotReadyError
          ? "Rapportpaketet byggs fortfarande. Försök igen om en stund."
          : "Kunde inte packa ihop rapportpaketet. Ladda ner filerna var för sig nedan.";
      } finally {
        button.disabled = false;
      }
    });
  });
}
