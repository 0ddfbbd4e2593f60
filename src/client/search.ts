// Municipality search: a pure matcher (diacritics-insensitive, prefix-first) and an accessible combobox
// following the WAI-ARIA 1.2 combobox pattern with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/).
// The page renders a plain list of links to every municipality; this island reads its entries from that
// list, so without JavaScript the list itself is the fallback.

export interface SearchItem {
  code: string;
  name: string;
  detail: string; // shown after the name, e.g. the län
  href: string;
}

interface IndexedItem extends SearchItem {
  key: string; // normalised name
  words: string[]; // normalised words of the name
}

/**
 * Lower case, without diacritics ("Göteborg" → "goteborg", "Malmö" → "malmo", "Åre" → "are"), hyphens
 * and repeated spaces folded to one space. Used on both the names and the query.
 */
export function normaliseName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[-‐–—_.,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function buildSearchIndex(items: readonly SearchItem[]): IndexedItem[] {
  return items.map((item) => {
    const key = normaliseName(item.name);
    return { ...item, key, words: key.split(" ") };
  });
}

const collator = new Intl.Collator("sv");

/**
 * Matches ranked: exact name, then name prefix, then a later word's prefix ("väsby" → Upplands Väsby),
 * then anywhere in the name; within a rank in Swedish alphabetical order. A 4-digit query matches the
 * kommunkod.
 */
export function searchMunicipalities(index: readonly IndexedItem[], query: string, limit = 10): SearchItem[] {
  const q = normaliseName(query);
  if (!q) return [];
  const scored: { item: IndexedItem; tier: number }[] = [];
  for (const item of index) {
    let tier = -1;
    if (item.key === q || item.code === q) tier = 0;
    else if (item.key.startsWith(q) || (/^\d+$/.test(q) && item.code.startsWith(q))) tier = 1;
    else if (item.words.some((w, i) => i > 0 && w.startsWith(q))) tier = 2;
    else if (q.length >= 3 && item.key.includes(q)) tier = 3;
    if (tier >= 0) scored.push({ item, tier });
  }
  scored.sort((a, b) => a.tier - b.tier || collator.compare(a.item.name, b.item.name));
  return scored.slice(0, limit).map(({ item }) => ({ code: item.code, name: item.name, detail: item.detail, href: item.href }));
}

/** Reads the items from the fallback list: `<a href data-code data-name data-detail>`. */
export function itemsFromLinks(root: ParentNode): SearchItem[] {
  return [...root.querySelectorAll<HTMLAnchorElement>("a[data-code]")].map((a) => ({
    code: a.dataset.code ?? "",
    name: a.dataset.name ?? a.textContent?.trim() ?? "",
    detail: a.dataset.detail ?? "",
    href: a.getAttribute("href") ?? "#",
  }));
}

export interface ComboboxOptions {
  items: SearchItem[];
  /** Called when the user picks an option (Enter or click). Default: go to the item's page. */
  onChoose?: (item: SearchItem) => void;
  limit?: number;
}

function countText(n: number, more: boolean): string {
  if (n === 0) return "Ingen kommun hittades.";
  const s = n === 1 ? "1 kommun hittades." : `${n}${more ? " eller fler" : ""} kommuner hittades.`;
  return `${s} Använd pil upp och pil ned för att välja, Enter för att öppna.`;
}

/**
 * Wires a combobox inside `root`: `input[role=combobox]`, `[role=listbox]`, `[data-search-status]`
 * (a polite live region). Shows `root` (rendered hidden, since it needs JavaScript).
 */
export function initCombobox(root: HTMLElement, options: ComboboxOptions): void {
  const input = root.querySelector<HTMLInputElement>("input[role=combobox]");
  const listbox = root.querySelector<HTMLElement>("[role=listbox]");
  const status = root.querySelector<HTMLElement>("[data-search-status]");
  if (!input || !listbox || !status) return;
  const index = buildSearchIndex(options.items);
  const limit = options.limit ?? 8;
  const choose = options.onChoose ?? ((item: SearchItem) => { window.location.href = item.href; });
  let results: SearchItem[] = [];
  let active = -1;
  let statusTimer: number | undefined;

  const announce = (text: string) => {
    window.clearTimeout(statusTimer);
    // Delay a little so a fast typist does not get every intermediate count read out.
    statusTimer = window.setTimeout(() => { status.textContent = text; }, 400);
  };

  const setActive = (i: number) => {
    active = i;
    listbox.querySelectorAll<HTMLElement>("[role=option]").forEach((el, k) => {
      el.setAttribute("aria-selected", String(k === i));
      if (k === i) el.scrollIntoView({ block: "nearest" });
    });
    if (i >= 0) input.setAttribute("aria-activedescendant", `${listbox.id}-opt-${i}`);
    else input.removeAttribute("aria-activedescendant");
  };

  const close = () => {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  };

  const render = () => {
    results = searchMunicipalities(index, input.value, limit + 1);
    const more = results.length > limit;
    results = results.slice(0, limit);
    listbox.replaceChildren(...results.map((item, i) => {
      const li = document.createElement("li");
      li.id = `${listbox.id}-opt-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.code = item.code;
      const name = document.createElement("span");
      name.className = "option-name";
      name.textContent = item.name; // textContent: names are never parsed as HTML
      const detail = document.createElement("span");
      detail.className = "option-detail";
      detail.textContent = item.detail;
      li.append(name, " ", detail);
      li.addEventListener("mousedown", (e) => e.preventDefault()); // keep focus in the input
      li.addEventListener("click", () => { close(); choose(item); });
      return li;
    }));
    const query = normaliseName(input.value);
    if (!query) { close(); status.textContent = ""; return; }
    listbox.hidden = results.length === 0;
    input.setAttribute("aria-expanded", String(results.length > 0));
    setActive(-1);
    announce(countText(results.length, more));
  };

  input.addEventListener("input", render);
  input.addEventListener("keydown", (e) => {
    const open = !listbox.hidden;
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!open) render();
        if (results.length) setActive(active < results.length - 1 ? active + 1 : 0);
        break;
      case "ArrowUp":
        e.preventDefault();
        if (!open) render();
        if (results.length) setActive(active > 0 ? active - 1 : results.length - 1);
        break;
      case "Enter": {
        const item = results[active >= 0 ? active : 0];
        if (open && item) { e.preventDefault(); close(); choose(item); }
        break;
      }
      case "Escape":
        if (open) { e.preventDefault(); close(); } else input.value = "";
        break;
      case "Tab":
        close();
        break;
    }
  });
  input.addEventListener("blur", () => close());
  root.hidden = false;
}
