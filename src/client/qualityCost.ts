// /kvalitet-och-kostnad/?kommun=<kod>: marks the municipality the reader came from in every year's
// scatter (the dots carry data-code) and says its values in text, so colour is not the only cue.
export function municipalityFromQuery(search: string, known: ReadonlySet<string>): string | null {
  const code = new URLSearchParams(search).get("kommun");
  return code && /^\d{4}$/.test(code) && known.has(code) ? code : null;
}

export function initQualityCost(doc: Document): void {
  const select = doc.querySelector<HTMLSelectElement>("[data-qc-select]");
  const note = doc.querySelector<HTMLElement>("[data-qc-note]");
  if (!select || !note) return;
  const names = new Map(Array.from(select.options).filter((o) => o.value).map((o) => [o.value, o.textContent ?? o.value]));
  const code = municipalityFromQuery(doc.location.search, new Set(names.keys()));
  if (!code) return;
  select.value = code;
  const parts: string[] = [];
  doc.querySelectorAll<HTMLElement>("[data-qc-year]").forEach((section) => {
    const year = section.dataset.qcYear;
    let said = false;
    section.querySelectorAll<SVGCircleElement>(`circle[data-code="${code}"]`).forEach((dot) => {
      dot.classList.add("qc-hl");
      dot.parentNode?.appendChild(dot); // drawn last: on top of the others
      if (!said) { parts.push(`${year}: ${dot.querySelector("title")?.textContent?.replace(/^[^:]*:\s*/, "") ?? ""}`); said = true; }
    });
    if (!said) parts.push(`${year}: inget index eller ingen kostnad`);
  });
  note.textContent = `${names.get(code)} är markerad med en större orange punkt. ${parts.join(". ")}.`;
}
