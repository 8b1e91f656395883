/**
 * dist/server.js, what editors start: runs the language server's bundle beside it
 * (dist/server-main.js, from main.ts) with V8's code cache (server/io/code-cache.ts), so a start
 * reads the compiled server instead of compiling 2 MB; without a usable cache one is saved when the
 * server exits. In tsc's output main.js is the server itself (the tests' in-process runs).
 */
import * as path from 'node:path';
import { runCached } from '../io/code-cache';

runCached(path.join(__dirname, 'server-main.js'), 'server', (save) => process.once('exit', save));
