// Validates every Camunda 7 element template under the directory given (default .camunda/element-templates)
// against the element templates JSON schema; prints each error with file, template id and path, and exits 1
// when any file is invalid or there is no template at all. Needs @bpmn-io/element-templates-validator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(join(process.cwd(), 'package.json'));
const { validateAll } = await import(require.resolve('@bpmn-io/element-templates-validator'));

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
