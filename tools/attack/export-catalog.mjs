#!/usr/bin/env node
// node tools/attack/export-catalog.mjs: rewrites the attack lab's scenario list in the web app.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenarios } from './runner.mjs';
import { CATALOG_FILE, catalogModuleText, scenarioCatalog } from './scenario-catalog.mjs';

writeFileSync(CATALOG_FILE, catalogModuleText(scenarioCatalog(await loadScenarios())));
console.log(`wrote ${path.relative(process.cwd(), CATALOG_FILE)}`);
