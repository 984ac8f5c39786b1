// Validates every Camunda 7 element template under the directory given (default .camunda/element-templates)
// against the element templates JSON schema; prints each error with file, template id and path, and exits 1
// when any file is invalid or there is no template at all. Needs @bpmn-io/element-templates-validator.
import { readdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

// the validator from the working directory's node_modules, or from npx's (`npx -p ... node <this script>`)
const roots = [process.cwd(), ...(process.env.PATH ?? '').split(delimiter)
  .filter((p) => p.endsWith(join('node_modules', '.bin'))).map((p) => dirname(dirname(p)))];
const found = roots.map((root) => {
  try {
    return createRequire(join(root, 'package.json')).resolve('@bpmn-io/element-templates-validator');
  } catch {
    return null;
  }
}).find(Boolean);
if (!found) {
  console.error('@bpmn-io/element-templates-validator is not installed (npm install it, or run through npx -p)');
  process.exit(1);
}
const { validateAll } = await import(pathToFileURL(found).href);

const dir = process.argv[2] ?? '.camunda/element-templates';
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
let failed = files.length === 0;
if (failed) {
  console.error(`${dir}: no element templates (*.json)`);
}
let count = 0;
for (const file of files) {
  let json;
  try {
    json = JSON.parse(readFileSync(join(dir, file), 'utf-8'));
  } catch (e) {
    console.error(`${file}: not JSON (${e.message})`);
    failed = true;
    continue;
  }
  const templates = Array.isArray(json) ? json : [json];
  const { valid, results } = validateAll(templates);
  count += templates.length;
  if (!valid) {
    failed = true;
    results.filter((r) => !r.valid).forEach((r) => r.errors.forEach((e) => console.error(
      `${file}, ${r.object?.id ?? '(no id)'}: ${e.dataPath || '/'} ${e.message}`)));
  }
}
if (failed) {
  process.exit(1);
}
console.log(`element templates: ${count} in ${files.length} files valid`);
