// Makes Node resolve bare specifiers ("marked", "lit-html") exactly as the browser does: through the import
// map in the page the server renders. Run tests with `node --import ./import-map.mjs --test …`, with
// WEB_ROOT set to the packed client (web-client/target/classes/chatalot-web).
import { register } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.env.WEB_ROOT;
if (!root) {
  throw new Error('WEB_ROOT must name the packed web client (web-client/target/classes/chatalot-web)');
}
const page = readFileSync(join(root, 'index.html'), 'utf8').replaceAll('{{assets}}', pathToFileURL(root).href);
const map = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(page)[1]).imports;

register('data:text/javascript,' + encodeURIComponent(`
const map = ${JSON.stringify(map)};
export async function resolve(specifier, context, next) {
  if (map[specifier]) {
    return next(map[specifier], context);
  }
  const prefix = Object.keys(map).filter((key) => key.endsWith('/') && specifier.startsWith(key))
    .sort((a, b) => b.length - a.length)[0];
  return next(prefix ? map[prefix] + specifier.slice(prefix.length) : specifier, context);
}`));
