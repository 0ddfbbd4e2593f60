// The premium tool's files: templates with the documented columns and the Exempeldata (deterministic,
// fictional providers), all ";" with decimal comma and a BOM, as Swedish Excel writes "CSV UTF-8".
import type { APIRoute, GetStaticPaths } from "astro";
import { customerTemplateCsv, exampleCustomerCsv, exampleProviderCsv, providerTemplateCsv } from "../../model/qualityPremium/exampleData";

export const PREMIUM_FILES: Record<string, () => string> = {
  "mall-utforare.csv": providerTemplateCsv,
  "mall-kunder.csv": customerTemplateCsv,
  "exempeldata-utforare.csv": exampleProviderCsv,
  "exempeldata-kunder.csv": exampleCustomerCsv,
};

export const getStaticPaths: GetStaticPaths = () => Object.keys(PREMIUM_FILES).map((file) => ({ params: { file } }));

export const GET: APIRoute = ({ params }) =>
  new Response(PREMIUM_FILES[params.file as string](), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
