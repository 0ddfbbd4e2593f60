// Site configuration a deployer sets (issue 18, accessibility statement): the contact e-mail for
// accessibility feedback (the DOS law requires a feedback route) and the date of the latest review.
// HTK_CONTACT_EMAIL sets the address. A production build (SITE_URL set to a public origin) refuses to
// build with no address or the placeholder; local and test builds show the placeholder, marked as such.

/** Shown on local and test builds only; never valid mail (.invalid is reserved, RFC 2606). */
export const PLACEHOLDER_EMAIL = "tillganglighet@exempel.invalid";
/** When the accessibility statement was last reviewed against the site (update with each review). */
export const ACCESSIBILITY_REVIEWED = "2026-12-07";
/** The supervisory authority's form for reporting a site that does not meet the DOS law (Digg). */
export const DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan";

export interface ContactConfig { email: string; placeholder: boolean }

const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}$/i;

/** True when SITE_URL names a public origin (not a loopback address): a build meant for publishing. */
export function isProductionBuild(env: Record<string, string | undefined>): boolean {
  const site = env.SITE_URL?.trim();
  if (!site) return false;
  try {
    const host = new URL(site).hostname;
    return !(host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost"));
  } catch {
    throw new Error(`SITE_URL "${site}" is not a URL (expected e.g. https://hemtjanstkollen.se)`);
  }
}

export function contactConfig(env: Record<string, string | undefined> = process.env): ContactConfig {
  const raw = env.HTK_CONTACT_EMAIL?.trim() ?? "";
  const production = isProductionBuild(env);
  if (raw && !EMAIL.test(raw)) throw new Error(`HTK_CONTACT_EMAIL "${raw}" is not an e-mail address`);
  const placeholder = !raw || raw === PLACEHOLDER_EMAIL || /@(example|exempel)\.(invalid|com|org|se)$/i.test(raw);
  if (production && placeholder) {
    throw new Error(
      `HTK_CONTACT_EMAIL: a production build (SITE_URL=${env.SITE_URL}) needs a real contact address for the ` +
      "accessibility statement (the DOS law requires a feedback route); set HTK_CONTACT_EMAIL=…",
    );
  }
  return { email: raw && !placeholder ? raw : PLACEHOLDER_EMAIL, placeholder };
}
