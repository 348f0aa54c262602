#!/usr/bin/env node
// The language first (--lang, else the locale): help and descriptions are made as the commands load.
const { detectLang, setLang } = await import('../dist/i18n/index.js');
setLang(detectLang(process.argv.slice(2), process.env));
const { main } = await import('../dist/cli/index.js');
main(process.argv).then((code) => { process.exitCode = code; });
