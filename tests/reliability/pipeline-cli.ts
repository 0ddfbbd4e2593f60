// Child-process entry for the reliability tests: the data pipeline from the committed snapshot under
// <root> (data/reference, data/snapshot) into <outDir>. Two of these run at once in determinism.test.ts.
import { runPipeline } from "../../src/pipeline/run";

const [root, outDir] = process.argv.slice(2);
if (!root || !outDir) {
  console.error("usage: tsx tests/reliability/pipeline-cli.ts <root> <outDir>");
  process.exit(2);
}
runPipeline({ root, source: "snapshot", outDir, log: () => undefined }).then(
  (r) => console.log(`pipeline: ${Object.keys(r.rows).length} files in ${(r.ms / 1000).toFixed(1)} s → ${outDir}`),
  (e: unknown) => { console.error(e); process.exit(1); },
);
