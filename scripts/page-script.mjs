// What the two inline page scripts (the docs page's, bundled by bundle-browser.mjs, and the
// `classify --format html` page's, by bundle-report.mjs) share: one esbuild build of a browser
// IIFE, minified, for pages that work offline from file://.

/**
 * Bundles one page script with esbuild (given, since it is a devDependency each caller imports
 * itself) and gives its text; `input` holds the entry (`entryPoints`, or `stdin` and `plugins`).
 */
export const bundlePageScript = async (esbuild, root, name, input) => {
  const result = await esbuild.build({
    absWorkingDir: root,
    ...input,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['es2020'],
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  })
  const [file] = result.outputFiles
  if (file === undefined) throw new Error(`${name}: esbuild produced no output`)
  return file.text
}
