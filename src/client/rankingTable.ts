// Ranking table island: sortable columns (buttons in the column headers with aria-sort, following the
// WAI-ARIA APG sortable table, https://www.w3.org/WAI/ARIA/apg/patterns/table/examples/sortable-table/)
// and filters by län, kommungrupp and size. The table itself is server-rendered; without JavaScript
// it shows all municipalities in rank order. Filter state lives in the query string (?lan=&kg=&storlek=)
// so a filtered view can be shared, and it is carried over when the reader switches year or variant.

export type SortDirection = "ascending" | "descending";
/** How a column sorts on its first click: "asc" (ranks), "desc" (scores) or "text" (names, A–Ö). */
export type SortKind = "asc" | "desc" | "text";

export interface SortCell {
  num: number | null; // parsed data-v; null when missing
  text: string;
}

const collator = new Intl.Collator("sv");

/** First-click direction for a column kind. */
export function initialDirection(kind: SortKind): SortDirection {
  return kind === "desc" ? "descending" : "ascending";
}

/**
 * Order of rows (indices) for one column. Numbers compare numerically, text with the Swedish collator;
 * missing values always go last whatever the direction; ties keep their original (rank) order.
 */
export function sortOrder(cells: readonly SortCell[], kind: SortKind, direction: SortDirection): number[] {
  const sign = direction === "ascending" ? 1 : -1;
  return cells
    .map((cell, i) => ({ cell, i }))
    .sort((a, b) => {
      if (kind === "text") return sign * collator.compare(a.cell.text, b.cell.text) || a.i - b.i;
      const x = a.cell.num;
      const y = b.cell.num;
      if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
      return sign * (x - y) || a.i - b.i;
    })
    .map(({ i }) => i);
}

export interface FilterState { lan: string; kg: string; size: string }

export function matchesFilter(row: { lan: string; kg: string; size: string }, f: FilterState): boolean {
  return (!f.lan || row.lan === f.lan) && (!f.kg || row.kg === f.kg) && (!f.size || row.size === f.size);
}

const QUERY: Record<keyof FilterState, string> = { lan: "lan", kg: "kg", size: "storlek" };

export function filterFromQuery(search: string): FilterState {
  const p = new URLSearchParams(search);
  return { lan: p.get(QUERY.lan) ?? "", kg: p.get(QUERY.kg) ?? "", size: p.get(QUERY.size) ?? "" };
}

export function filterToQuery(f: FilterState): string {
  const p = new URLSearchParams();
  for (const key of Object.keys(QUERY) as (keyof FilterState)[]) if (f[key]) p.set(QUERY[key], f[key]);
  const s = p.toString();
  return s ? `?${s}` : "";
}

function parseNum(s: string | undefined): number | null {
  if (s === undefined || s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function countText(shown: number, total: number): string {
  return shown === total ? `Visar alla ${total} kommuner.` : `Visar ${shown} av ${total} kommuner.`;
}

export function initRankingTable(root: HTMLElement): void {
  const table = root.querySelector<HTMLTableElement>("table");
  const tbody = table?.tBodies[0];
  const status = root.querySelector<HTMLElement>("[data-status]");
  const form = root.querySelector<HTMLFormElement>("[data-filters]");
  const empty = root.querySelector<HTMLElement>("[data-empty]");
  if (!table || !tbody || !status) return;
  // The first row group holds the ranked municipalities (sorted); a second one ("data-unranked"), those
  // without a rank (low coverage), which stay last whatever the sort, but follow the filters.
  const rows = [...tbody.rows];
  const allRows = [...table.tBodies].flatMap((b) => [...b.rows]);
  const headers = [...table.tHead!.rows[0].cells];

  // Sorting
  let current: { col: number; direction: SortDirection } | null = null;
  const buttons = headers.map((th, col) => {
    const kind = (th.dataset.sortKind ?? "asc") as SortKind;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.append(...th.childNodes);
    const icon = document.createElement("span");
    icon.className = "sort-icon";
    icon.setAttribute("aria-hidden", "true");
    button.append(icon);
    th.replaceChildren(button);
    button.addEventListener("click", () => {
      const direction = current?.col === col
        ? (current.direction === "ascending" ? "descending" : "ascending")
        : initialDirection(kind);
      sortBy(col, kind, direction);
    });
    return button;
  });

  function sortBy(col: number, kind: SortKind, direction: SortDirection) {
    const cells = rows.map((tr) => {
      const cell = tr.cells[col];
      return { num: parseNum(cell.dataset.v), text: cell.textContent?.trim() ?? "" };
    });
    const order = sortOrder(cells, kind, direction);
    tbody!.append(...order.map((i) => rows[i]));
    current = { col, direction };
    headers.forEach((th, k) => {
      if (k === col) th.setAttribute("aria-sort", direction);
      else th.removeAttribute("aria-sort");
    });
    markSorted(col);
    const name = buttons[col].textContent?.replace(/\u00ad/g, "").trim();
    status!.textContent = `Sorterad efter ${name?.toLowerCase()}, ${direction === "ascending" ? "stigande" : "fallande"}.`;
  }
  // On phones each row is a card; the sorted column's cells move up beside the name (CSS "td.sorted").
  function markSorted(col: number) {
    for (const tr of rows) [...tr.cells].forEach((cell, k) => cell.classList.toggle("sorted", k === col && col > 1));
  }
  headers[0].setAttribute("aria-sort", "ascending"); // server order is by rank
  current = { col: 0, direction: "ascending" };

  // Filters
  if (!form) return;
  const selects = [...form.querySelectorAll<HTMLSelectElement>("select[data-filter]")];
  const state = (): FilterState => {
    const f: FilterState = { lan: "", kg: "", size: "" };
    for (const s of selects) f[s.dataset.filter as keyof FilterState] = s.value;
    return f;
  };
  const variantLinks = [...document.querySelectorAll<HTMLAnchorElement>("[data-variant-links] a[href^='/rankning/']")];
  const baseHrefs = variantLinks.map((a) => a.getAttribute("href") ?? "");

  const apply = (announce: boolean) => {
    const f = state();
    let shown = 0;
    for (const tr of allRows) {
      const show = matchesFilter({ lan: tr.dataset.lan ?? "", kg: tr.dataset.kg ?? "", size: tr.dataset.size ?? "" }, f);
      tr.hidden = !show;
      if (show) shown++;
    }
    if (empty) empty.hidden = shown > 0;
    const query = filterToQuery(f);
    history.replaceState(null, "", `${location.pathname}${query}${location.hash}`);
    variantLinks.forEach((a, i) => a.setAttribute("href", `${baseHrefs[i]}${query}`));
    if (announce) status.textContent = countText(shown, allRows.length);
  };

  const initial = filterFromQuery(location.search);
  for (const s of selects) {
    const wanted = initial[s.dataset.filter as keyof FilterState];
    if (wanted && [...s.options].some((o) => o.value === wanted)) s.value = wanted;
    s.addEventListener("change", () => apply(true));
  }
  form.addEventListener("reset", () => setTimeout(() => apply(true), 0));
  form.addEventListener("submit", (e) => { e.preventDefault(); apply(true); });
  form.hidden = false;
  apply(Object.values(initial).some(Boolean));
}
