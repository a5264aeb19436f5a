// Copies the design system, its theme and the Inter font from node_modules into static/vendor.
// The theme asks for the font family "Inter"; Fontsource names it "Inter Variable", so the copy is renamed.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const out = join(here, '..', 'static', 'vendor');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'designsystemet'), { recursive: true });
mkdirSync(join(out, 'inter'), { recursive: true });

cpSync(join(modules, '@digdir/designsystemet-css/dist/src/index.css'), join(out, 'designsystemet/designsystemet.css'));
cpSync(join(modules, '@digdir/designsystemet-theme/src/themes/designsystemet.css'), join(out, 'designsystemet/theme.css'));

const fontCss = readFileSync(join(modules, '@fontsource-variable/inter/wght.css'), 'utf8');
writeFileSync(join(out, 'inter/inter.css'), fontCss.replaceAll("'Inter Variable'", "'Inter'"));
cpSync(join(modules, '@fontsource-variable/inter/files'), join(out, 'inter/files'), {
  recursive: true,
  filter: (source) => !source.endsWith('.woff2') || source.includes('-wght-normal'),
});
for (const licence of ['@fontsource-variable/inter/LICENSE', '@digdir/designsystemet-css/LICENSE']) {
  try {
    cpSync(join(modules, licence), join(out, licence.split('/')[1] + '-LICENSE'));
  } catch {
    // A package without a LICENSE file states its licence in package.json instead.
  }
}
writeFileSync(join(out, '.built'), new Date().toISOString() + '\n');
