// npm run serve: serve an already built dist/ on 127.0.0.1.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "./serve-static";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { url } = await serveStatic(path.join(root, "dist"), Number(process.env.PORT ?? 4321));
console.log(`Hemtjänstkollen körs på ${url}/`);
