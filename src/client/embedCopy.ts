// "Kopiera" buttons next to the embed snippets: copies the textarea's text with the Clipboard API, falls
// back to selecting it and document.execCommand("copy"), and says what happened in a polite live region
// (WCAG 2.1 SC 4.1.3 Status Messages). Without JavaScript the textarea is still there to select by hand.

/**
 * The snippet with its addresses moved to `origin`: the build writes SITE_URL (or the local address), but a
 * copy must never hand out an address other than the page's own origin (a mirror, another port, a preview).
 */
export function rehomeSnippet(snippet: string, origin: string): string {
  return snippet.replace(/(\bsrc=")https?:\/\/[^/"\s]+(\/embed\/)/g, (_, attr: string, rest: string) => `${attr}${origin}${rest}`);
}

/** Copies `text`; true when the browser confirmed it. */
export async function copyText(text: string, textarea: HTMLTextAreaElement): Promise<boolean> {
  if (navigator.clipboard?.writeText && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused or not focused: try the old way below.
    }
  }
  textarea.focus();
  textarea.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

const CLEAR_AFTER_MS = 5000;

/** Wires every [data-copy-target] button below `root`: the id of a textarea and a [data-copy-status] sibling. */
export function initCopyButtons(root: ParentNode = document): void {
  root.querySelectorAll<HTMLButtonElement>("button[data-copy-target]").forEach((button) => {
    const textarea = document.getElementById(button.dataset.copyTarget ?? "");
    const status = button.parentElement?.querySelector<HTMLElement>("[data-copy-status]");
    if (!(textarea instanceof HTMLTextAreaElement) || !status) return;
    if (/^https?:$/.test(location.protocol)) textarea.value = rehomeSnippet(textarea.value, location.origin);
    button.hidden = false;
    let timer: number | undefined;
    button.addEventListener("click", async () => {
      const ok = await copyText(textarea.value, textarea);
      // Empty first, so the same message is announced again on a second click.
      status.textContent = "";
      window.setTimeout(() => {
        status.textContent = ok ? "Kopierat" : "Kunde inte kopiera. Koden är markerad: tryck Ctrl+C (⌘+C på Mac).";
      }, 50);
      if (!ok) { textarea.focus(); textarea.select(); }
      window.clearTimeout(timer);
      timer = window.setTimeout(() => { status.textContent = ""; }, CLEAR_AFTER_MS);
    });
  });
}
