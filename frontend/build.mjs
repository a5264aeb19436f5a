// Builds static/vendor from node_modules: Designsystemet's CSS (only the components the site uses), its theme,
// and the Inter font subset to the characters the pages show (frontend/subset_fonts.py, run with the project's
// virtualenv, which has fontTools). Nothing is fetched. Issue 16 §3: every page under 75 kB.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const out = join(here, '..', 'static', 'vendor');
const python = process.env.SAMVEI_PYTHON || join(here, '..', '.venv', 'bin', 'python');

// Designsystemet components whose CSS is shipped, by their class (ds-<name>). A template that starts using
// another one adds it here; tests/e2e/test_page_weight.py fails until it does.
const COMPONENTS = [
  'alert', 'breadcrumbs', 'button', 'card', 'error-summary', 'field', 'field-affixes', 'fieldset', 'heading',
  'input', 'label', 'link', 'list', 'pagination', 'paragraph', 'skip-link', 'skiplink', 'table', 'tag',
  'validation-message',
];

// The package's index.css is minified: `@layer ds.theme, ds.base, ds.components;` and then one `@layer …{…}`
// block per part. Every ds.base block is kept; a ds.components block is kept when most of the ds-* classes
// it names belong to COMPONENTS (a card's block also styles a details inside a card, and so on).
function layerBlocks(css) {
  const blocks = [];
  let head = css.indexOf('@layer ds.base{');
  const preamble = css.slice(0, head);
  while (head < css.length) {
    const open = css.indexOf('{', head);
    const layer = css.slice(head, open);
    if (!/^@layer ds\.[a-z]+$/.test(layer)) throw new Error(`unexpected CSS at ${head}: ${css.slice(head, head + 60)}`);
    let depth = 1;
    let at = open + 1;
    while (depth > 0) {
      const c = css[at];
      if (c === '{') depth += 1;
      else if (c === '}') depth -= 1;
      else if (c === '"' || c === "'") at = css.indexOf(c, at + 1);
      at += 1;
    }
    blocks.push({ layer: layer.slice('@layer '.length), text: css.slice(head, at) });
    head = at;
  }
  return { preamble, blocks };
}

function componentCss(css) {
  const { preamble, blocks } = layerBlocks(css);
  const listed = new Set(COMPONENTS);
  const seen = new Set();
  const kept = blocks.filter(({ layer, text }) => {
    let inside = 0;
    let outside = 0;
    for (const [, name] of text.matchAll(/\.ds-([a-z]+(?:-[a-z]+)*)/g)) {
      seen.add(name);
      if (listed.has(name)) inside += 1;
      else outside += 1;
    }
    return layer === 'ds.base' || inside >= outside;
  });
  const unknown = COMPONENTS.filter((name) => !seen.has(name));
  if (unknown.length) throw new Error(`Designsystemet has no component named ${unknown.join(', ')}`);
  return preamble + kept.map(({ text }) => text).join('');
}

if (!existsSync(python)) {
  throw new Error(`${python} is missing: create the virtualenv first (make setup), or set SAMVEI_PYTHON`);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'designsystemet'), { recursive: true });
mkdirSync(join(out, 'inter'), { recursive: true });

const designsystemet = readFileSync(join(modules, '@digdir/designsystemet-css/dist/src/index.css'), 'utf8');
writeFileSync(join(out, 'designsystemet/designsystemet.css'), componentCss(designsystemet));
cpSync(join(modules, '@digdir/designsystemet-theme/src/themes/designsystemet.css'), join(out, 'designsystemet/theme.css'));

// The theme asks for the font family "Inter"; subset_fonts.py names its faces so.
execFileSync(python, [join(here, 'subset_fonts.py'), join(modules, '@fontsource-variable/inter/files'), join(out, 'inter')], {
  stdio: 'inherit',
});
for (const licence of ['@fontsource-variable/inter/LICENSE', '@digdir/designsystemet-css/LICENSE']) {
  try {
    cpSync(join(modules, licence), join(out, licence.split('/')[1] + '-LICENSE'));
  } catch {
    // A package without a LICENSE file states its licence in package.json instead.
  }
}
writeFileSync(join(out, '.built'), new Date().toISOString() + '\n');
