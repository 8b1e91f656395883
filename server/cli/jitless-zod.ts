/**
 * Imported first by the entries of the commands that load zod (export, import, corpus, lsp): zod
 * runs jitless, without code generation from strings, before any of them validates a record
 * (tests run the CLI bundles with --disallow-code-generation-from-strings).
 */
import { useJitlessZod } from '../registry/schema';

useJitlessZod();
