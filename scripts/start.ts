// npm start: build the data if missing, build the site, and serve dist/ on 127.0.0.1.
import { execSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildExists } from "../src/pipeline/run";
import { serveStatic } from "./serve-static";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const run = (cmd: string) => execSync(cmd, { cwd: root, stdio: "inherit" });

if (!buildExists(root)) run("npm run data");
run("npm run build");
const port = Number(process.env.PORT ?? 4321);
const { url } = await serveStatic(path.join(root, "dist"), port);
console.log(`\nHemtjänstkollen körs på ${url}/  (avsluta med Ctrl+C)`);
